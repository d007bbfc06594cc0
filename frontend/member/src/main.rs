//! Browser entry point of the members' portal: mounts [`portail_member::App`] on `<body>`.
//!
//! trunk builds this binary for `wasm32-unknown-unknown` with the `csr` feature (see the root
//! `index.html`). Built natively it does nothing, so `cargo build --workspace` stays green.

#[cfg(all(target_arch = "wasm32", feature = "csr"))]
fn main() {
    yew::Renderer::<portail_member::App>::new().render();
    portail_member::browser::register_service_worker("/sw.js", "/");
}

#[cfg(not(all(target_arch = "wasm32", feature = "csr")))]
fn main() {
    eprintln!("portail-member runs in a browser: build it with `trunk build index.html`.");
}
