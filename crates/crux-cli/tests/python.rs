//! The Python package's pytest suite (crates/crux-py/tests), run from `cargo test` so that the
//! README's one test command covers it. It needs a Python with the package and its test tools
//! installed (`pip install ./crates/crux-py` and `crates/crux-py/tests/requirements.txt`):
//! `CRUX_PYTHON` names that interpreter. `.ci/run` sets it, so in CI the suite always runs;
//! without it the test says it was skipped and passes.

use std::path::Path;
use std::process::Command;

#[test]
fn python_package_pytest_suite() {
    let Some(python) = std::env::var_os("CRUX_PYTHON") else {
        eprintln!(
            "skipped: set CRUX_PYTHON to a Python with the crux package installed to run \
             crates/crux-py/tests (.ci/run does)"
        );
        return;
    };
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crux-py/tests");
    let out = Command::new(&python)
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
        .arg(&tests)
        // The package's tests compare its JSON with this very command's.
        .env("CRUX_BIN", env!("CARGO_BIN_EXE_crux"))
        .output()
        .unwrap_or_else(|e| panic!("running {}: {e}", Path::new(&python).display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "pytest failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    eprintln!("{}", stdout.lines().last().unwrap_or_default());
}
