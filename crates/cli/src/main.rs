//! `tekigo`: the engine on the command line. Every rule lives in `tekigo-core`; this file
//! reads arguments and files, calls the engine and prints in Japanese and English.

mod commands;
mod interop;

use std::process::ExitCode;

const USAGE: &str = "\
使い方 / usage:
  tekigo catalogs [--json]              組み込みカタログの一覧 / list the embedded catalogs
  tekigo import-seed PATH --out DIR     シード文書を JSON に変換 / import a seed document
  tekigo validate FILE [--catalog FILE] 検証 / validate a catalog or an assessment
  tekigo score FILE [--catalog FILE] [--json]  集計 / score an assessment
  tekigo convert IN OUT [--to json|xlsx|csv|oscal|public-json] [--layout checklist|vendor-reference]
         [--encoding utf-8|cp932] [--catalog FILE] [--sign KEYFILE]
                                        形式を変換 (JSON・Excel・CSV を読み、形式は OUT の拡張子から)
                                        / convert (reads JSON, Excel, CSV; format from OUT's extension)
  tekigo keygen --signer NAME --out KEYFILE  署名鍵を作成 / make a signing key
  tekigo sign IN OUT --key KEYFILE      署名して書き出す / write signed
  tekigo verify FILE [--key PUBLIC_KEY] 署名と改ざんの確認 / check the signature and changes
  tekigo import-catalog SHEET OUT.json [--columns …] [--choices …]
                                        表からカタログを作成 / a catalog from a sheet
  tekigo schema [catalog|assessment]    JSON Schema を出力 / print the JSON Schema";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("catalogs") => commands::catalogs(&args[1..]),
        Some("import-seed") => commands::import_seed(&args[1..]),
        Some("validate") => commands::validate(&args[1..]),
        Some("score") => commands::score(&args[1..]),
        Some("schema") => commands::schema(&args[1..]),
        Some("convert") => interop::convert(&args[1..]),
        Some("keygen") => interop::keygen(&args[1..]),
        Some("sign") => interop::sign_file(&args[1..]),
        Some("verify") => interop::verify_file(&args[1..]),
        Some("import-catalog") => interop::import_catalog(&args[1..]),
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}\n\n形式 / formats:\n{}", interop::formats());
            Ok(())
        }
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
