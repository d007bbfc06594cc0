//! Browser entry point: mounts [`portail_frontend::App`] on `<body>`.
//!
//! trunk builds this binary for `wasm32-unknown-unknown` with the `csr` feature (see the root
//! `index.html`). Built natively it does nothing, so `cargo build --workspace` stays green.

#[cfg(all(target_arch = "wasm32", feature = "csr"))]
fn main() {
    yew::Renderer::<portail_frontend::App>::new().render();
    portail_frontend::browser::register_service_worker();
}

#[cfg(not(all(target_arch = "wasm32", feature = "csr")))]
fn main() {
    eprintln!("portail-frontend runs in a browser: build it with `trunk build` (see index.html).");
}
