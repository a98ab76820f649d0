package dev.strata.render;

/** One part of the rendered tree (cluster config, Applications, namespaces, apps…). */
public interface Generator {

    /** Short name, for errors and docs. */
    String name();

    void generate(RenderContext ctx, RenderedTree out);
}
