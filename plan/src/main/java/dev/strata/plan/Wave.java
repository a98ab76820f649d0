package dev.strata.plan;

import java.util.List;

/** One Argo CD sync wave; every item waits for the previous wave to be Healthy. */
public record Wave(int number, List<WaveItem> items) {
}
