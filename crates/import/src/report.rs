//! What an import did, and every problem it met, by file.

use std::fmt;
use std::path::PathBuf;

use dateline_core::Problems;
use dateline_core::front_matter::FileProblem;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// Relative to the content folder.
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub sections: usize,
    pub contributors: usize,
    pub articles_created: usize,
    pub articles_updated: usize,
    pub problems: Vec<ImportProblem>,
}

impl ImportReport {
    pub fn add(&mut self, path: PathBuf, problem: FileProblem) {
        self.problems.push(ImportProblem { path, line: problem.line, message: problem.message });
    }

    pub fn add_all(&mut self, path: PathBuf, problems: Vec<FileProblem>) {
        for p in problems {
            self.add(path.clone(), p);
        }
    }

    /// Adds field-level problems, prefixed with what they are about (`"section 'x'"`).
    pub fn add_problems(&mut self, path: PathBuf, about: &str, problems: Problems) {
        for p in problems.iter() {
            let message = if about.is_empty() {
                format!("{}: {}", p.field, p.message)
            } else {
                format!("{about}: {}: {}", p.field, p.message)
            };
            self.add(path.clone(), FileProblem::new(None, message));
        }
    }

    /// Files with at least one problem.
    pub fn files_with_problems(&self) -> usize {
        let mut paths: Vec<_> = self.problems.iter().map(|p| &p.path).collect();
        paths.dedup();
        paths.len()
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} sections, {} contributors, {} articles created, {} updated",
            self.sections, self.contributors, self.articles_created, self.articles_updated
        )?;
        if !self.problems.is_empty() {
            write!(f, "; {} files had problems and were not imported", self.files_with_problems())?;
        }
        Ok(())
    }
}
