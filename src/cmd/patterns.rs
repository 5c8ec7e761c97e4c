//! `parley patterns`: inspect the event pattern dictionary.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use parley_events::{Coder, Coverage};

/// Inspect the event pattern dictionary.
#[derive(Args)]
pub struct PatternsArgs {
    #[command(subcommand)]
    command: PatternsCommand,
}

#[derive(Subcommand)]
enum PatternsCommand {
    /// How many trigger lemmas and patterns the dictionary has, and how many triggers
    /// reach each three-digit CAMEO code.
    ///
    /// Example: `parley patterns coverage --min 3` lists the codes reached by fewer
    /// than three triggers.
    Coverage {
        /// Count a PETRARCH/TABARI verb dictionary in DIR instead of the built-in one.
        #[arg(long, value_name = "DIR")]
        dictionaries: Option<PathBuf>,
        /// List codes reached by fewer than this many trigger phrases.
        #[arg(long, default_value_t = 3)]
        min: usize,
        /// Print the trigger count of every code.
        #[arg(long)]
        all: bool,
    },
}

/// Runs `parley patterns`.
pub fn run(args: PatternsArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        PatternsCommand::Coverage {
            dictionaries,
            min,
            all,
        } => {
            let owned;
            let coder = match dictionaries {
                Some(dir) => {
                    owned = Coder::with_petrarch_dir(&dir)?;
                    &owned
                }
                None => Coder::builtin(),
            };
            let c = Coverage::of(coder.patterns());
            println!("dictionary        {}", coder.patterns().version());
            println!("templates         {}", c.templates);
            println!("patterns          {}", c.patterns);
            println!("head lemmas       {}", c.head_lemmas);
            println!("trigger phrases   {}", c.trigger_phrases);
            let three: Vec<_> = parley_cameo::codes()
                .filter(|i| i.code.len() == 3)
                .collect();
            let thin = c.thin_codes(min);
            println!(
                "3-digit codes     {} of {} reached by >= {min} trigger phrases",
                three.len() - thin.len(),
                three.len()
            );
            if all {
                for info in three {
                    let n = c.by_code.get(info.code).map_or(0, |s| s.len());
                    println!("  {:<4} {:>5}  {}", info.code, n, info.name);
                }
            } else {
                for (code, n) in &thin {
                    println!("  thin: {code} ({n})");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
