package io.crystallize.core;

import io.crystallize.base.RunFailure;
import java.nio.file.Path;
import java.util.List;

/** What one run left: its metrics (null when it failed), its provenance, artifact paths, and its failure. */
record RunRecord(Metrics metrics, RunTrace trace, List<Path> artifacts, RunFailure failure) {
}
