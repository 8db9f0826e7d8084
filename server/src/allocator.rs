//! How the binary's allocator (mimalloc, `main.rs`) gives memory back. A burst — a page of a
//! thousand members rendered for four people at once, a login storm — allocates tens of
//! megabytes that are free a moment later. mimalloc v3 returns freed pages a second later
//! (`purge_delay`), but only when the thread that freed them runs the allocator again: after a
//! burst the server's threads sleep, and the memory stayed resident (219 MB after the member
//! page bench). Purging at once, and in 4 KiB pages rather than the 2 MiB of transparent huge
//! pages, brings it down.
//!
//! mimalloc (and glibc's malloc, which SQLite uses) read these settings from the environment
//! when the process starts, and this crate writes no `unsafe` (the FFI setter would be): so
//! `main` re-executes itself once with them set. An operator's own values win.

use std::ffi::OsString;

/// The allocators' settings for a server that idles between bursts.
const SETTINGS: [(&str, &str); 3] = [
    // Freed pages go back to the system at once.
    ("MIMALLOC_PURGE_DELAY", "0"),
    // No transparent huge pages: a 2 MiB page stays resident while any of it is used.
    ("MIMALLOC_ALLOW_THP", "0"),
    // SQLite allocates through the C library's malloc, not mimalloc, and each of its
    // connections runs on a thread of its own: glibc would give each thread an arena that
    // keeps its freed memory (12 MB resident after the opening rush; 8 MB with two arenas).
    ("MALLOC_ARENA_MAX", "2"),
];

/// The settings the environment `current` lacks.
fn missing(current: impl Fn(&str) -> Option<OsString>) -> Vec<(&'static str, &'static str)> {
    SETTINGS
        .into_iter()
        .filter(|(name, _)| current(name).is_none())
        .collect()
}

/// Call first thing in `main`: returns at once when the settings are in place, else runs this
/// same program again with them (and only comes back if that fails, to carry on as is).
#[cfg(unix)]
pub fn give_memory_back_at_once() {
    use std::os::unix::process::CommandExt;
    let missing = missing(|name| std::env::var_os(name));
    if missing.is_empty() {
        return;
    }
    let Ok(program) = std::env::current_exe() else {
        return;
    };
    let mut args = std::env::args_os();
    let mut command = std::process::Command::new(program);
    if let Some(name) = args.next() {
        command.arg0(name);
    }
    command.args(args).envs(missing);
    let error = command.exec();
    eprintln!("amapola: carrying on without mimalloc's settings ({error})");
}

#[cfg(not(unix))]
pub fn give_memory_back_at_once() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_is_missing_is_set_so_the_second_start_goes_on() {
        assert_eq!(missing(|_| None), SETTINGS.to_vec());
        assert_eq!(
            missing(|name| (name == "MIMALLOC_PURGE_DELAY").then(|| "10".into())),
            vec![("MIMALLOC_ALLOW_THP", "0"), ("MALLOC_ARENA_MAX", "2")]
        );
        assert!(missing(|_| Some("1".into())).is_empty());
    }
}
