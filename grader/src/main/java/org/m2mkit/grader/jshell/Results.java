package org.m2mkit.grader.jshell;

import java.util.List;

/** What evaluations, completions and documentation look up return; plain data for the JSON API. */
public final class Results {
    private Results() {
    }

    /** A compiler message; {@code start}/{@code end} are character offsets in the cell. */
    public record Diagnostic(String message, int start, int end, boolean error) {}

    /**
     * One snippet of a cell.
     *
     * @param start, end   where the snippet is in the cell (character offsets)
     * @param kind         {@code expression}, {@code variable}, {@code method}, {@code type}, {@code import},
     *                     {@code statement} or {@code error}
     * @param status       {@code ok}, {@code error} (did not compile), {@code exception} (threw),
     *                     {@code recoverable} (defined, waits for something not yet declared), {@code stopped}
     *                     (ran too long, stopped) or {@code ended} (took its engine down)
     * @param name         the variable, method or type defined, if any
     * @param value        the value shown for an expression or variable, if any
     * @param exception    what the snippet threw, in one line, if anything
     * @param output       what it printed
     * @param outputCut    whether its printing went past the limit and was cut
     */
    public record Snippet(int start, int end, String source, String kind, String status, String name, String value,
                          String exception, List<Diagnostic> diagnostics, String output, boolean outputCut) {}

    /**
     * A whole cell.
     *
     * @param notice     a message about the engine (stopped, restarted, timed out), or null
     * @param restarted  whether the engine that ran this cell is a fresh one replacing one that ended
     * @param replayable cells of the session that {@code replay} runs again in a fresh engine
     */
    public record Cell(List<Snippet> snippets, String notice, boolean restarted, int replayable) {}

    /** The result of running the session's earlier cells again. */
    public record Replay(int cells, int failed, String notice) {}

    /** Completions for the word that starts at {@code anchor}. */
    public record Completions(int anchor, List<String> suggestions) {}

    /** Documentation of the symbol at the cursor: signature, and the Javadoc where the JDK has it. */
    public record Doc(String signature, String javadoc) {}
}
