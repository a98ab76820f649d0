package dev.strata.cli;

/** Output formats for commands whose output is data. */
public enum Output {
    text, json
}
