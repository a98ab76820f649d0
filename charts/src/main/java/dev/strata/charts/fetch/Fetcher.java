package dev.strata.charts.fetch;

import dev.strata.charts.ChartRef;

/** Gets one chart archive from where its reference points. */
public interface Fetcher {

    /** @throws dev.strata.charts.ChartException naming the chart, the URL and what went wrong */
    Fetched fetch(ChartRef ref);
}
