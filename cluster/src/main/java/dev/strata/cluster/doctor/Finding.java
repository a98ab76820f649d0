package dev.strata.cluster.doctor;

/**
 * One thing doctor looked at.
 *
 * @param id     stable, kebab-case: {@code docker-unreachable}, {@code port-80-busy}
 * @param reason one line, with the evidence
 * @param fix    what to do about it (empty when nothing needs doing)
 */
public record Finding(String id, Level level, String reason, String fix) {

    public enum Level { OK, WARNING, ERROR }

    public static Finding ok(String id, String reason) {
        return new Finding(id, Level.OK, reason, "");
    }

    public static Finding warning(String id, String reason, String fix) {
        return new Finding(id, Level.WARNING, reason, fix);
    }

    public static Finding error(String id, String reason, String fix) {
        return new Finding(id, Level.ERROR, reason, fix);
    }
}
