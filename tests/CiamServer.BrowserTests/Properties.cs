// Two shared cores: one Chromium and one server stack at a time keeps the timings of these tests honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
