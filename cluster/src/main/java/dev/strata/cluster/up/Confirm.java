package dev.strata.cluster.up;

import java.io.Console;

/** Asks the user yes/no. Without a terminal there is nobody to ask: the answer is no. */
@FunctionalInterface
public interface Confirm {

    boolean ask(String question);

    static Confirm console() {
        return question -> {
            Console c = System.console();
            if (c == null) {
                return false;
            }
            String answer = c.readLine("%s [y/N] ", question);
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        };
    }
}
