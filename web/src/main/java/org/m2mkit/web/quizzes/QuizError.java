package org.m2mkit.web.quizzes;

/** A request the quiz pages cannot carry out, with the HTTP status and a sentence for the person. */
public final class QuizError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public QuizError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static QuizError notFound(String what) {
        return new QuizError(404, "There is no " + what + ".");
    }

    static QuizError forbidden(String message) {
        return new QuizError(403, message);
    }

    static QuizError conflict(String message) {
        return new QuizError(409, message);
    }

    static QuizError bad(String message) {
        return new QuizError(400, message);
    }
}
