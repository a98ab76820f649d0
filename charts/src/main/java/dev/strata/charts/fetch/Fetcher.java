package dev.strata.charts.fetch;

import dev.strata.charts.ChartRef;
import dev.strata.charts.ChartException;

/** Gets one chart archive from where its reference points. */
public interface Fetcher {

    /** @throws ChartException naming the chart, the URL and what went wrong */
    Fetched fetch(ChartRef ref);
}
