package org.m2mkit.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.m2mkit.labs.api.MeterReading;

/**
 * Every {@code jshell} cell of every lesson and handout runs without error, in page order in one shell per page
 * (as a student runs them), with the labs API on the class path; the gateway handout's worked example agrees
 * with the reference gateway.
 */
class JShellCellsTest {

    private static final Chapter CHAPTER = ContentLoader.load();

    @TestFactory
    Stream<DynamicTest> everyCellOfEveryPageEvaluates() {
        Stream<DynamicTest> lessons = CHAPTER.lessons().stream()
                .map(l -> DynamicTest.dynamicTest("lesson " + l.id(), () -> {
                    List<String> outputs = new ArrayList<>();
                    assertThat(problems(cells(l.markdown()), outputs)).isEmpty();
                    // a check that quotes "the cell above" quotes what that cell printed
                    assertThat(ContentCheck.cellClaims("lesson " + l.id(), l.markdown(), outputs)).isEmpty();
                }));
        Stream<DynamicTest> handouts = CHAPTER.handouts().stream()
                .map(h -> DynamicTest.dynamicTest("handout " + h.id(), () -> assertRuns(h.markdown())));
        return Stream.concat(lessons, handouts);
    }

    @Test
    void pagesWithCodeHaveCells() {
        long pagesWithCells = CHAPTER.lessons().stream().filter(l -> !cells(l.markdown()).isEmpty()).count();
        assertThat(pagesWithCells).isGreaterThanOrEqualTo(CHAPTER.lessons().size() - 1);
    }

    @Test
    void aFailingCellIsReported() throws Exception {
        assertThat(problems(List.of("int x = 1;", "int y = x / 0;"))).singleElement().asString()
                .contains("ArithmeticException");
        assertThat(problems(List.of("String s = 42;"))).singleElement().asString().contains("incompatible types");
    }

    @Test
    void theGatewayHandoutsWorkedExampleAgreesWithTheReferenceGateway() throws Exception {
        List<String> cells = new ArrayList<>(cells(CHAPTER.handout("gateway-lab").orElseThrow().markdown()));
        cells.add("String referenceFailures = exampleFailures("
                + "new org.m2mkit.labs.gateway.ReferenceGateway(config)).toString();");
        cells.add("if (!referenceFailures.equals(\"[]\")) throw new AssertionError(referenceFailures);");
        cells.add("if (exampleFailures(new MyGateway(config)).isEmpty()) "
                + "throw new AssertionError(\"the starter class must not pass the example\");");
        assertThat(problems(cells)).isEmpty();
    }

    private static void assertRuns(String markdown) throws Exception {
        assertThat(problems(cells(markdown))).isEmpty();
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    static List<String> cells(String markdown) {
        List<String> cells = new ArrayList<>();
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (block.getInfo() != null && block.getInfo().trim().startsWith("jshell")) {
                    cells.add(block.getLiteral());
                }
            }
        });
        return cells;
    }

    private static List<String> problems(List<String> cells) throws Exception {
        return problems(cells, new ArrayList<>());
    }

    /** Runs the cells in one shell; adds what each cell printed to {@code outputs}, in order. */
    private static List<String> problems(List<String> cells, List<String> outputs) throws Exception {
        List<String> problems = new ArrayList<>();
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream capture = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);
        java.io.PrintStream stdout = System.out;
        try (JShell shell = JShell.builder().executionEngine("local").out(capture).build()) {
            shell.addToClasspath(location(MeterReading.class));
            shell.addToClasspath(location(org.m2mkit.labs.gateway.ReferenceGateway.class));
            for (String cell : cells) {
                printed.reset();
                System.setOut(capture);
                String rest = cell;
                while (!rest.isBlank()) {
                    SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
                    String source = info.completeness().isComplete() ? info.source() : rest;
                    for (SnippetEvent event : shell.eval(source)) {
                        if (event.status() == Snippet.Status.REJECTED) {
                            String why = shell.diagnostics(event.snippet()).map(d -> d.getMessage(null))
                                    .reduce((a, b) -> a + "; " + b).orElse("rejected");
                            problems.add("cell rejected: " + source.strip() + " -> " + why);
                        } else if (event.exception() != null) {
                            Exception e = event.exception();
                            String type = e instanceof EvalException eval ? eval.getExceptionClassName() : e.getClass().getName();
                            problems.add("cell threw " + type + " (" + e.getMessage() + "): " + source.strip());
                        }
                    }
                    rest = info.completeness().isComplete() ? info.remaining() : "";
                }
                System.setOut(stdout);
                outputs.add(printed.toString(java.nio.charset.StandardCharsets.UTF_8));
            }
        } finally {
            System.setOut(stdout);
        }
        return problems;
    }

}
