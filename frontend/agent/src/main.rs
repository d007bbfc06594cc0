//! Browser entry point of the agents' area: mounts [`portail_agent::App`] on `<body>`.
//!
//! trunk builds this binary for `wasm32-unknown-unknown` with the `csr` feature (see the root
//! `agent.html`). Built natively it does nothing.

#[cfg(all(target_arch = "wasm32", feature = "csr"))]
fn main() {
    yew::Renderer::<portail_agent::App>::new().render();
    portail_agent::browser::register_service_worker("/agent/sw.js", "/agent");
}

#[cfg(not(all(target_arch = "wasm32", feature = "csr")))]
fn main() {
    eprintln!("portail-agent runs in a browser: build it with `trunk build agent.html`.");
}
