//! Helpers shared by the `engine` and `cli` test binaries (each includes this file as `common`).

use std::path::Path;
use std::process::{Command, Stdio};

/// Send the CSV file `csv` (inside `dir`) through LibreOffice — CSV → xlsx → CSV, read as UTF-8 —
/// and return the CSV text LibreOffice writes back. Needs `soffice` on PATH.
pub fn libreoffice_round_trip(csv: &Path, dir: &Path) -> String {
    let stem = csv.file_stem().unwrap().to_string_lossy().into_owned();
    let out = dir.join("out");
    let soffice = |args: &[&str]| {
        let st = Command::new("soffice")
            .args([
                "--headless",
                &format!("-env:UserInstallation=file://{}/lo", dir.display()),
            ])
            .args(args)
            .arg("--outdir")
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("soffice runs");
        assert!(st.success());
    };
    soffice(&[
        "--infilter=CSV:44,34,76,1",
        "--convert-to",
        "xlsx",
        csv.to_str().unwrap(),
    ]);
    let xlsx = dir.join(format!("{stem}.xlsx"));
    std::fs::rename(out.join(format!("{stem}.xlsx")), &xlsx).unwrap();
    soffice(&[
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false",
        xlsx.to_str().unwrap(),
    ]);
    std::fs::read_to_string(out.join(format!("{stem}.csv"))).unwrap()
}
