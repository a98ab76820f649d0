package dev.strata.cluster.verify;

/** PASS: proven by trying. FAIL: tried, and it did not hold (or could not be observed). SKIPPED: does not apply to this spec. */
public enum Outcome { PASS, FAIL, SKIPPED }
