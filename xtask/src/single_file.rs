//! The single-file edition: `dist/tekigo.html`, the whole app — wasm, glue, styles and the
//! shipped data — in one HTML file that opens from `file://` on a PC without a network (a
//! closed hospital network, a USB stick). Module scripts do not load from files, so the same
//! compiled wasm is bound again for a classic script (`no-modules`), inlined as base64, and
//! started by one inline script. The data files (`data_files.rs`) are inlined as
//! `<script type="application/json" id="tekigo-data-NAME">` blocks, which the app reads in
//! place of fetching `data/NAME`; they are never run, so the CSP need not allow them. Its CSP
//! allows nothing from outside (`connect-src 'none'`), the inline script and style by their
//! SHA-256 hashes.

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::data_files;
use crate::run::{self, root};

/// The wasm-opt flags of the app's build (see index.html).
const WASM_OPT_FLAGS: [&str; 7] = [
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

/// What the inline script does after the glue: start the wasm from the inlined bytes and
/// mount the app, or say why it could not start.
const START: &str = r#"
(async () => {
  const root = document.getElementById('app');
  try {
    const text = document.getElementById('tekigo-wasm').textContent;
    const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    await wasm_bindgen({ module_or_path: bytes });
    root.replaceChildren();
    wasm_bindgen.mount(root);
  } catch (error) {
    const message = document.createElement('p');
    message.textContent = 'tekigo を起動できませんでした。新しいブラウザー (Chrome、Edge、Firefox、Safari の最新版) で開いてください。 / tekigo could not start; open this file in a recent browser. (' + String(error) + ')';
    root.replaceChildren(message);
  }
})();
"#;

/// Builds `dist/tekigo.html` from the wasm Trunk compiled and the built stylesheet.
pub fn build() -> Result<(), String> {
    let out = root().join("target/single-file");
    let out_text = out.to_string_lossy().into_owned();
    let wasm = root().join("target/wasm32-unknown-unknown/release/tekigo_web.wasm");
    run::command(
        "wasm-bindgen",
        &[
            "--target",
            "no-modules",
            "--no-typescript",
            "--out-dir",
            &out_text,
            "--out-name",
            "tekigo",
            &wasm.to_string_lossy(),
        ],
    )?;
    let bg = out.join("tekigo_bg.wasm").to_string_lossy().into_owned();
    let mut args: Vec<&str> = WASM_OPT_FLAGS.to_vec();
    args.extend([bg.as_str(), "-o", bg.as_str()]);
    run::command("wasm-opt", &args)?;
    let read = |path: std::path::PathBuf| {
        std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))
    };
    let glue = String::from_utf8_lossy(&read(out.join("tekigo.js"))?).into_owned();
    let wasm = base64::engine::general_purpose::STANDARD.encode(read(out.join("tekigo_bg.wasm"))?);
    let style = String::from_utf8_lossy(&read(root().join("www/style.css"))?).into_owned();
    let script = format!("{glue}\n{START}");
    let html = page(&script, &style, &wasm, &data_blocks());
    let target = root().join("dist/tekigo.html");
    std::fs::write(&target, html).map_err(|error| format!("{}: {error}", target.display()))?;
    println!(
        "single file: {} ({} bytes)",
        target.display(),
        target.metadata().map_or(0, |m| m.len())
    );
    Ok(())
}

/// Every data file as a JSON block the browser never runs. `<` only occurs inside JSON
/// strings, where `\u003c` says the same, so no text can close the block early.
fn data_blocks() -> String {
    data_files::all()
        .into_iter()
        .map(|(name, text)| {
            format!(
                "<script type=\"application/json\" id=\"tekigo-data-{name}\">{}</script>\n",
                text.replace('<', "\\u003c")
            )
        })
        .collect()
}

fn hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

fn page(script: &str, style: &str, wasm: &str, data: &str) -> String {
    let csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
        hash(script),
        hash(style)
    );
    format!(
        r#"<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>tekigo 適合 — 医療情報セキュリティガイドライン チェッカー (1 ファイル版)</title>
<style>{style}</style>
</head>
<body>
<div id="app"><p class="loading">読み込み中… / Loading…</p></div>
<noscript>tekigo を使うには JavaScript と WebAssembly を有効にしてください。 / tekigo needs JavaScript and WebAssembly.</noscript>
<script id="tekigo-wasm" type="application/octet-stream">{wasm}</script>
{data}<script>{script}</script>
</body>
</html>
"#
    )
}
