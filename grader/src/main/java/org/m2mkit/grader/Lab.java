package org.m2mkit.grader;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import org.m2mkit.grader.child.LabRunner;
import org.m2mkit.grader.sandbox.SandboxSession;

/**
 * One graded lab, as its own package provides it: the contract a submission implements, the title, the test
 * suite and its cases, the runner on the sandbox side, the starter kit's parts and the handout. The grader, the
 * command line and the web find labs in {@code Labs} only; nothing outside a lab's package asks which lab it is.
 */
public interface Lab {
    /** The lab's id in commands, URLs and stored submissions (and in JSON), like {@code gateway}. */
    @JsonValue
    String id();

    /** The title on pages and in results, like "Gateway lab". */
    String title();

    /** The gradebook's column heading. */
    default String shortTitle() {
        return title();
    }

    /** The interface the submission's class implements. */
    Class<?> contract();

    /** The single parameter of the required public constructor, or null for a no-argument constructor. */
    Class<?> constructorArgument();

    /** How the required constructor reads in a message, for a class named {@code simpleName}. */
    default String constructorText(String simpleName) {
        Class<?> argument = constructorArgument();
        return "public " + simpleName + "(" + (argument == null ? "" : argument.getSimpleName() + " config") + ")";
    }

    /** Runs the suite on a submission loaded in {@code session} ({@code visibleOnly}: only the visible tests). */
    List<TestResult> grade(SandboxSession session, boolean visibleOnly);

    /** Points at stake. */
    default double maxScore() {
        return 100;
    }

    /**
     * The lab's side of the sandbox child. Its package (and nothing else of the lab) goes onto the child's class
     * path, so it must hold no expected values.
     */
    Class<? extends LabRunner> runner();

    /**
     * Class-path folders of student-facing types beyond the labs API that the contract uses (like
     * {@code "org/m2mkit/grader/standards/api/"}): submissions compile against them, the sandbox holds them and
     * the starter kit has their sources. Empty when the labs API is all the contract needs.
     */
    default List<String> contractFolders() {
        return List.of();
    }

    /** The class the starter kit asks the student to complete, like {@code MyGateway} (package {@code student}). */
    String studentClass();

    /** The starter class's source: it compiles and scores little. */
    String skeleton();

    /** The visible tests of the starter kit: JUnit 5 sources in package {@code student}, by simple class name. */
    Map<String, String> visibleTests();

    /** The starter kit README's paragraph on how points are won. */
    String scoring();

    /** The id of the lab's handout among the content's handouts. */
    String handout();

    /** Further links for the lab's page (path and text), like the live lab for the gateway. */
    default List<Link> links() {
        return List.of();
    }

    /** A link on the lab's page. */
    record Link(String href, String text) {}
}
