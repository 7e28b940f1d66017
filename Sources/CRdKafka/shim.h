// librdkafka's C API (Debian: librdkafka-dev) and its built-in mock cluster.
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
