//! How a command fails: the message for stderr and the exit code of its class.

use std::fmt;
use std::path::Path;
use std::process::ExitCode;

use vsm_model::ModelError;
use vsm_store::StoreError;

/// A failed command.
pub struct Failure {
    class: Class,
    message: String,
}

/// Exit-code classes of the CLI.
#[derive(Clone, Copy)]
pub enum Class {
    /// Exit 1: the input is invalid.
    Invalid = 1,
    /// Exit 2: the command was used wrongly.
    Usage = 2,
    /// Exit 3: reading or writing failed.
    Io = 3,
}

impl Failure {
    /// A failure of `class`.
    pub fn new(class: Class, message: impl Into<String>) -> Self {
        Failure { class, message: message.into() }
    }

    /// An I/O failure on `path`.
    pub fn io(path: &Path, error: std::io::Error) -> Self {
        Failure::new(Class::Io, format!("{}: {error}", path.display()))
    }

    /// A model error in `file`, one problem per line, each prefixed with the file.
    pub fn model(file: &Path, error: &ModelError) -> Self {
        let message = match error {
            ModelError::Invalid(problems) => problems
                .0
                .iter()
                .map(|problem| format!("{}: {problem}", file.display()))
                .collect::<Vec<_>>()
                .join("\n"),
            other => format!("{}: {other}", file.display()),
        };
        Failure::new(Class::Invalid, message)
    }

    /// A store error; model errors inside it are attributed to `input`.
    pub fn store(input: &Path, error: StoreError) -> Self {
        match error {
            StoreError::Invalid(model) => Failure::model(input, &model),
            StoreError::Io { .. } | StoreError::Sqlite { .. } => Failure::new(Class::Io, error.to_string()),
            StoreError::Exists { .. } => {
                Failure::new(Class::Usage, format!("{error} (pass --force to replace it)"))
            }
            StoreError::Foreign { .. } | StoreError::Corrupt { .. } | StoreError::NewerSchema { .. } => {
                Failure::new(Class::Invalid, error.to_string())
            }
        }
    }

    /// The process exit code of this failure.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.class as u8)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, line) in self.message.lines().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "vsm: {line}")?;
        }
        Ok(())
    }
}
