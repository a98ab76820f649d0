package dev.strata.sample.http;

/** A group of endpoints; each service owns its routes. */
public interface ApiService {

    void routes(Routes routes);
}
