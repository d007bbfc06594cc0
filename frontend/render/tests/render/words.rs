//! Each app loads only the common words and its own (`/i18n/<app>/<lang>.json`): an app that
//! said another app's message would show nothing in the browser (the render tests, which have
//! every word built in, would not see it). This reads each crate's code for the messages it
//! names.

use portail_shared::i18n::{App, Text};

/// The `Text::Name`s a folder's code names.
fn named_in(folder: &str) -> Vec<(String, Text)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut found = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap_or_default();
            for (i, _) in code.match_indices("Text::") {
                let name: String = code[i + 6..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if let Some(text) = Text::ALL.iter().find(|t| format!("{t:?}") == name) {
                    let shown = path.strip_prefix(&root).unwrap().display().to_string();
                    found.push((format!("{folder}/{shown}"), *text));
                }
            }
        }
    }
    found
}

#[test]
fn each_app_says_only_the_common_words_and_its_own() {
    let mut wrong = Vec::new();
    for (folder, app) in [
        ("../member/src", Some(App::Member)),
        ("../agent/src", Some(App::Agent)),
        ("../verifier/src", Some(App::Verifier)),
        ("../ui/src", None),
        ("../../shared/src", None),
    ] {
        for (file, text) in named_in(folder) {
            if text.app().is_some_and(|own| Some(own) != app) {
                wrong.push(format!("{file}: {text:?} belongs to {:?}", text.app()));
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}

#[test]
fn the_checker_sees_the_messages_an_app_names() {
    let member = named_in("../member/src");
    assert!(member.iter().any(|(_, t)| *t == Text::NavPayments));
    assert_eq!(Text::NavPayments.app(), Some(App::Member));
    assert_eq!(
        Text::TitleVerifier.app(),
        None,
        "the member's help page links to it"
    );
}
