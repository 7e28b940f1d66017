// XGBoost's C API (Debian: libxgboost-dev 1.7.4). Linked by name in module.modulemap:
// Debian's xgboost.pc names /usr/lib as libdir, where the library is not.
#include <xgboost/c_api.h>
