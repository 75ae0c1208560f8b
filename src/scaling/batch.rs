//! Many simulations at once, spread over the machine's cores: [`simulate_many`] runs the
//! ordinary step loop ([`super::simulate::simulate`]) for each job, and [`in_parallel`] is the
//! one way the simulator uses threads (scoped threads, one contiguous chunk of jobs per core),
//! shared with the bulk paths of [`super::run`].

use super::GroupSpec;
use super::simulate::{self, SimOptions, Simulation};

/// One simulation to run: the group, its demand (one value per step) and the options.
pub type SimJob<'a> = (&'a GroupSpec, &'a [f64], &'a SimOptions);

/// [`simulate`](super::simulate::simulate) of each job over the machine's cores, in the order
/// of `jobs`: the same results as one by one.
pub fn simulate_many(jobs: &[SimJob<'_>]) -> Vec<Simulation> {
    in_parallel(
        jobs,
        |part| {
            part.iter()
                .map(|(group, demand, opts)| simulate::simulate(group, demand, opts))
                .collect()
        },
        // A chunk whose thread failed is simulated again on this thread: the step loop does
        // not panic on validated input, so this only re-raises a real bug where it happens.
        |(group, demand, opts)| simulate::simulate(group, demand, opts),
    )
}

/// `f` over `items`, one contiguous chunk per core, each in a scoped thread; results in the
/// order of `items`. The items of a chunk whose thread panicked get `failed(item)`.
pub(crate) fn in_parallel<'i, I: Sync, T: Send>(
    items: &'i [I],
    f: impl Fn(&'i [I]) -> Vec<T> + Sync,
    failed: impl Fn(&'i I) -> T,
) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len())
        .max(1);
    if threads == 1 {
        return f(items);
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(move || f(part)))
            .collect();
        handles
            .into_iter()
            .zip(items.chunks(chunk))
            .flat_map(|(h, part)| {
                h.join()
                    .unwrap_or_else(|_| part.iter().map(&failed).collect())
            })
            .collect()
    })
}
