//! Turns the catalogue of words (`i18n/<lang>.toml`, one file per language) into the `Text`
//! enum and, for the server and the tests (feature `words`), each language's table. The keys
//! at the top of a file are common to the browser apps; the tables `[member]`, `[agent]` and
//! `[verifier]` hold one app's words alone (each app loads only the common words and its own).
//!
//! The build fails, naming the file, key and reason, when a language lacks a key French has,
//! has one French lacks, gives a message a `{name}` French does not have (or misses one), or
//! gives a plural message other forms than French: no message can lack a translation.

use std::{env, fmt::Write as _, fs, path::PathBuf};

use toml_edit::{Document, Item, Value};

/// The languages, in `Lang`'s order; French is the reference.
const LANGS: [&str; 2] = ["fr", "en"];
/// The apps whose words are a table of their own, in `App`'s order.
const APPS: [(&str, &str); 3] = [
    ("member", "Member"),
    ("agent", "Agent"),
    ("verifier", "Verifier"),
];

/// One message: its key, what the reference file says of it, and its words per form.
struct Message {
    key: String,
    /// The one app that says it (`APPS`'s index), or `None`: common.
    app: Option<usize>,
    doc: Vec<String>,
    /// `[""]` for a plain message; the plural forms (`one`, `other`…) otherwise.
    forms: Vec<String>,
    /// Per language, the words of each form.
    words: Vec<Vec<String>>,
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let dir = manifest.join("i18n");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut messages: Vec<Message> = Vec::new();
    let mut problems = Vec::new();
    for (index, lang) in LANGS.iter().enumerate() {
        let path = dir.join(format!("{lang}.toml"));
        println!("cargo::rerun-if-changed={}", path.display());
        let text =
            fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let doc: Document = text
            .parse()
            .unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let mut seen = Vec::new();
        let mut items: Vec<(Option<usize>, &str, &Item, &toml_edit::Table)> = Vec::new();
        for (key, item) in doc.as_table().iter() {
            match (
                APPS.iter().position(|(name, _)| *name == key),
                item.as_table(),
            ) {
                (Some(app), Some(table)) => {
                    items.extend(table.iter().map(|(k, i)| (Some(app), k, i, table)));
                }
                _ => items.push((None, key, item, doc.as_table())),
            }
        }
        for (app, key, item, table) in items {
            let at = format!("i18n/{lang}.toml: {key}");
            let Some((forms, words)) = read(item) else {
                problems.push(format!(
                    "{at}: a message is a string or a table of plural forms"
                ));
                continue;
            };
            seen.push(key.to_owned());
            if index == 0 {
                if !key.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    || !key.chars().all(|c| c.is_ascii_alphanumeric())
                {
                    problems.push(format!("{at}: a key is a Rust name in CamelCase"));
                }
                let doc = table
                    .key_decor(key)
                    .and_then(|d| d.prefix())
                    .and_then(|p| p.as_str())
                    .map(doc_lines)
                    .unwrap_or_default();
                messages.push(Message {
                    key: key.to_owned(),
                    app,
                    doc,
                    forms,
                    words: vec![words],
                });
                continue;
            }
            let Some(message) = messages.iter_mut().find(|m| m.key == key) else {
                problems.push(format!("{at}: not a key of fr.toml"));
                continue;
            };
            if app != message.app {
                problems.push(format!("{at}: in another section than in fr.toml"));
                continue;
            }
            if forms != message.forms {
                problems.push(format!(
                    "{at}: forms {forms:?}, while French has {:?}",
                    message.forms
                ));
                continue;
            }
            for (form, (mine, french)) in words.iter().zip(&message.words[0]).enumerate() {
                if placeholders(mine) != placeholders(french) {
                    problems.push(format!(
                        "{at}{}: values {:?}, while French has {:?}",
                        if message.forms.len() > 1 {
                            format!(" ({})", message.forms[form])
                        } else {
                            String::new()
                        },
                        placeholders(mine),
                        placeholders(french)
                    ));
                }
            }
            message.words.push(words);
        }
        for m in &messages {
            if !seen.contains(&m.key) {
                problems.push(format!("i18n/{lang}.toml: {} is missing", m.key));
            }
        }
    }
    if !problems.is_empty() {
        fail(&problems.join("\n"));
    }
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let code = generate(&messages);
    if let Err(e) = fs::write(out.join("catalogue.rs"), code) {
        fail(&format!("writing the catalogue: {e}"));
    }
}

/// A message's forms and words: a string, or an inline table of plural forms.
fn read(item: &Item) -> Option<(Vec<String>, Vec<String>)> {
    match item.as_value()? {
        Value::String(s) => Some((vec![String::new()], vec![s.value().to_owned()])),
        Value::InlineTable(t) => {
            let mut forms = Vec::new();
            let mut words = Vec::new();
            for (form, v) in t.iter() {
                forms.push(form.to_owned());
                words.push(v.as_str()?.to_owned());
            }
            Some((forms, words))
        }
        _ => None,
    }
}

/// The `{name}`s of a message, sorted.
fn placeholders(words: &str) -> Vec<String> {
    let mut found: Vec<String> = words
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// A key's comment lines (section headers `# -----` excluded), as doc lines.
fn doc_lines(prefix: &str) -> Vec<String> {
    let lines: Vec<&str> = prefix.lines().collect();
    // Only the comment block right above the key.
    let block: Vec<&str> = lines
        .iter()
        .rev()
        .take_while(|l| l.trim_start().starts_with('#'))
        .copied()
        .collect();
    block
        .into_iter()
        .rev()
        .filter(|l| !l.trim_start().starts_with("# -----"))
        .map(|l| l.trim_start().trim_start_matches('#').trim().to_owned())
        .collect()
}

fn generate(messages: &[Message]) -> String {
    let mut code = String::new();
    let slots: usize = messages.iter().map(|m| m.forms.len()).sum();
    code.push_str(
        "/// A browser app with words of its own in the catalogue.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]\n\
         #[serde(rename_all = \"lowercase\")]\npub enum App {\n",
    );
    for (name, variant) in APPS {
        let _ = writeln!(code, "    /// `{name}`.\n    {variant},");
    }
    code.push_str("}\n\nimpl App {\n    /// Every app.\n    pub const ALL: [App; 3] = [");
    for (_, variant) in APPS {
        let _ = write!(code, "App::{variant}, ");
    }
    code.push_str("];\n\n    /// The app's name in addresses (`member`…).\n    pub fn name(self) -> &'static str {\n        match self {\n");
    for (name, variant) in APPS {
        let _ = writeln!(code, "            App::{variant} => \"{name}\",");
    }
    code.push_str("        }\n    }\n}\n\n");
    let _ = writeln!(
        code,
        "/// A message of the portal; [`Text::text`] gives its words in a language.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Text {{"
    );
    for m in messages {
        for line in &m.doc {
            let _ = writeln!(code, "    #[doc = {line:?}]");
        }
        let _ = writeln!(code, "    {},", m.key);
    }
    code.push_str("}\n\nimpl Text {\n");
    let _ = writeln!(
        code,
        "    /// Every message, in the catalogue's order.\n    pub const ALL: &'static [Text] = &["
    );
    for m in messages {
        let _ = writeln!(code, "        Text::{},", m.key);
    }
    code.push_str("    ];\n");
    let _ = writeln!(
        code,
        "    /// Slots in a language's table: one per message, one per form for a plural message.\n    \
         pub const SLOTS: usize = {slots};"
    );
    let mut first = Vec::new();
    let mut slot = 0;
    for m in messages {
        first.push(slot);
        slot += m.forms.len();
    }
    let _ = writeln!(
        code,
        "    /// Where each message's words start in a language's table.\n    \
         const FIRST_SLOT: [u16; {}] = {first:?};",
        messages.len()
    );
    // The plural forms of each plural message (the reference's, shared by every language).
    let _ = writeln!(
        code,
        "    /// The one app that says this message (`None`: common to the apps, or said by rules\n    \
         /// shared with the server).\n    pub fn app(self) -> Option<App> {{\n        match self {{"
    );
    for m in messages {
        if let Some(app) = m.app {
            let _ = writeln!(
                code,
                "            Text::{} => Some(App::{}),",
                m.key, APPS[app].1
            );
        }
    }
    code.push_str("            _ => None,\n        }\n    }\n");
    let _ = writeln!(
        code,
        "    /// The plural forms of a plural message, in table order (`None`: one plain form).\n    \
         #[allow(clippy::match_single_binding)]\n    \
         pub fn forms(self) -> Option<&'static [&'static str]> {{\n        match self {{"
    );
    for m in messages.iter().filter(|m| m.forms.len() > 1) {
        let _ = writeln!(code, "            Text::{} => Some(&{:?}),", m.key, m.forms);
    }
    code.push_str("            _ => None,\n        }\n    }\n");
    // The fingerprint: which keys, in which order, with which forms. A table loaded at run time
    // must carry the same, or it belongs to another build.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for m in messages {
        for part in std::iter::once(&m.key).chain(&m.forms) {
            for b in part.bytes().chain([0]) {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    let _ = writeln!(
        code,
        "    /// Which keys, in which order, with which forms: a table loaded at run time must say\n    \
         /// the same, or it belongs to another build.\n    \
         pub const FINGERPRINT: &'static str = \"{hash:016x}\";"
    );
    code.push_str("}\n\n");
    let _ = writeln!(
        code,
        "/// Each language's table, in `Lang`'s order.\n#[cfg(any(feature = \"words\", test))]\n\
         static TABLES: [[&str; {slots}]; {}] = [",
        LANGS.len()
    );
    for lang in 0..LANGS.len() {
        code.push_str("    [\n");
        for m in messages {
            for w in &m.words[lang] {
                let _ = writeln!(code, "        {w:?},");
            }
        }
        code.push_str("    ],\n");
    }
    code.push_str("];\n");
    code
}

fn fail(message: &str) -> ! {
    eprintln!("the catalogue of words is not valid:\n{message}");
    std::process::exit(1)
}
