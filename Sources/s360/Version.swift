/// The version `s360 --version` prints, defined once.
///
/// The package has no release tags yet, so this is the package version, raised by hand with a
/// release; a build from a checkout is recognised by the `-dev` suffix.
enum Stream360Version {
    /// `s360 --version`'s output.
    static let current = "0.12.0-dev"
}
