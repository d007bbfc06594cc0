//! Browser entry point of the verification page: mounts [`portail_verifier::App`] on `<body>`.
//!
//! trunk builds this binary for `wasm32-unknown-unknown` with the `csr` feature (see the root
//! `verifier.html`). Built natively it does nothing.

#[cfg(all(target_arch = "wasm32", feature = "csr"))]
fn main() {
    yew::Renderer::<portail_verifier::App>::new().render();
    portail_verifier::browser::register_service_worker("/verifier/sw.js", "/verifier");
}

#[cfg(not(all(target_arch = "wasm32", feature = "csr")))]
fn main() {
    eprintln!("portail-verifier runs in a browser: build it with `trunk build verifier.html`.");
}
