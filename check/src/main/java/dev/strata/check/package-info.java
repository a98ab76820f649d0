/**
 * Offline validation of GitOps trees. Entry points: {@link dev.strata.check.CheckEngine} (built with
 * its builder: rule selection, severity threshold, cluster model), {@link dev.strata.check.CheckReport}
 * (findings and summary), {@link dev.strata.check.format.Formatters} (text, json, sarif, junit),
 * {@link dev.strata.check.RuleRegistry} (list rules) and {@link dev.strata.check.ExitCodes}.
 */
package dev.strata.check;
