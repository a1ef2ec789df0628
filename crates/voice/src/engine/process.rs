//! Running the `espeak-ng` program: arguments as a list (no shell), text on
//! stdin, output collected from stdout.
//!
//! eSpeak NG is only ever used as a separate program: its library keeps
//! global state, is not thread-safe, and is GPL-licensed.

use std::io::{self, Write};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use super::VoiceError;

/// The eSpeak NG program, looked up on `PATH`.
pub const PROGRAM: &str = "espeak-ng";

/// What to tell someone whose machine lacks eSpeak NG.
pub(crate) const INSTALL_HINT: &str = "install the Debian package espeak-ng (`make setup` does it)";

/// Why a run of the program failed.
#[derive(Debug)]
pub(crate) enum RunError {
    /// The program is not installed (not on `PATH`).
    NotInstalled,
    /// Starting it or talking to it failed.
    Io(io::Error),
    /// It ran and exited with a failure status.
    Failed { status: String, stderr: String },
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::NotInstalled => {
                write!(f, "the program `{PROGRAM}` was not found on PATH; {INSTALL_HINT}")
            }
            RunError::Io(e) => write!(f, "running `{PROGRAM}` failed: {e}"),
            RunError::Failed { status, stderr } => {
                write!(f, "`{PROGRAM}` failed ({status})")?;
                if !stderr.is_empty() {
                    write!(f, ": {stderr}")?;
                }
                Ok(())
            }
        }
    }
}

impl RunError {
    /// True when eSpeak NG said the voice does not exist.
    pub(crate) fn is_unknown_voice(&self) -> bool {
        matches!(self, RunError::Failed { stderr, .. } if stderr.contains("voice does not exist"))
    }
}

/// Runs `espeak-ng args…` with `input` on stdin and returns its stdout.
///
/// stdin is written from a second thread so a child that answers while it
/// still reads (line mode) can never dead-lock against a full pipe.
pub(crate) fn run(args: &[&str], input: &[u8]) -> Result<Vec<u8>, RunError> {
    let mut child = Command::new(PROGRAM)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => RunError::NotInstalled,
            _ => RunError::Io(e),
        })?;
    let stdin = child.stdin.take();
    let output = std::thread::scope(|scope| {
        if let Some(mut stdin) = stdin {
            scope.spawn(move || {
                // A child that exits early (bad voice) closes the pipe; its
                // exit status tells the real story, so write errors are moot.
                let _ = stdin.write_all(input);
            });
        }
        child.wait_with_output()
    })
    .map_err(RunError::Io)?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(RunError::Failed {
            status: output.status.to_string(),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        })
    }
}

/// `espeak-ng --version`, whitespace collapsed, e.g. `eSpeak NG
/// text-to-speech: 1.51 Data at: /usr/lib/x86_64-linux-gnu/espeak-ng-data`.
/// Asked once per process (a failure is not remembered, so installing the
/// program later works without a restart).
pub fn version() -> Result<String, VoiceError> {
    static VERSION: OnceLock<String> = OnceLock::new();
    if let Some(v) = VERSION.get() {
        return Ok(v.clone());
    }
    let out = run(&["--version"], b"").map_err(|e| VoiceError::Load(e.to_string()))?;
    let v = String::from_utf8_lossy(&out).split_whitespace().collect::<Vec<_>>().join(" ");
    if v.is_empty() {
        return Err(VoiceError::Load(format!("`{PROGRAM} --version` printed nothing")));
    }
    Ok(VERSION.get_or_init(|| v).clone())
}

/// Checks a voice name before it is put on a command line: eSpeak NG voice
/// and language codes, variants (`en-us+f3`) and voice file paths
/// (`gmw/en-US`) only.
pub(crate) fn check_voice_name(voice: &str) -> Result<(), VoiceError> {
    let ok = !voice.is_empty()
        && voice.len() <= 64
        && !voice.starts_with('-')
        && voice.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '/' | '.'))
        && !voice.contains("..");
    if ok {
        Ok(())
    } else {
        Err(VoiceError::Load(format!(
            "`{voice}` is not an eSpeak NG voice name (letters, digits and - _ + / only; \
             `{PROGRAM} --voices` lists them)"
        )))
    }
}

/// The error for a voice eSpeak NG does not have, listing the ones it has.
pub(crate) fn unknown_voice(voice: &str) -> VoiceError {
    let known = super::discover::espeak_voices()
        .map(|v| v.into_iter().map(|v| v.code).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    VoiceError::Load(format!("eSpeak NG has no voice `{voice}`; the installed voices are: {known}"))
}

/// Makes user text safe to hand to eSpeak NG as plain text: control
/// characters (line breaks included) become spaces, and square brackets go,
/// because `[[…]]` switches eSpeak NG to raw phoneme input.
pub(crate) fn sanitize(text: &str) -> String {
    text.chars().map(|c| if c.is_control() || c == '[' || c == ']' { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voice_names_are_checked() {
        for ok in ["en-gb", "sw", "en-us+f3", "gmw/en-US", "cmn-latn-pinyin"] {
            assert!(check_voice_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", "-w", "en gb", "en;rm", "../../etc", "a\nb", "ẽn"] {
            assert!(check_voice_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn sanitize_removes_phoneme_input_and_controls() {
        assert_eq!(sanitize("a [[h@l'oU]] b\nc\td"), "a   h@l'oU   b c d");
    }
}
