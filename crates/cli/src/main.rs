fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let out = tekigo_core::import::import_seed(&bytes).unwrap();
    for c in out.catalogs {
        println!("{}", tekigo_core::to_json(&c));
    }
    for a in out.assessments {
        println!("{}", tekigo_core::to_json(&a));
    }
}
