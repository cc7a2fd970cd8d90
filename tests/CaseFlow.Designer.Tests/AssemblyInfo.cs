// One server and one Chromium at a time: each class starts its own, and on a shared 2-core machine three
// WebAssembly apps loading at once push the first page load past any sensible timeout.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
