package org.m2mkit.web.lti;

import io.javalin.config.RoutesConfig;
import javax.sql.DataSource;
import org.m2mkit.content.Chapter;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.Auth;
import org.m2mkit.web.app.Pages;
import org.m2mkit.web.grading.Grading;
import org.m2mkit.web.quizzes.Quizzes;

/**
 * The kit as an LTI 1.3 tool (LTI Advantage): launches from a learning platform sign people in and open a lesson,
 * lab or quiz; deep linking lets an instructor add them as activities; final lab and quiz scores go to the
 * platform's grade book; the course roster can be pulled. One instance per kit; {@link #register} adds its pages.
 */
public final class Lti implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Lti.class);

    private final DataSource db;
    private final AccountRepository accounts;
    private final Auth auth;
    private final Platforms platforms;
    private final ToolKeys keys;
    private final ScoreOutbox scores;
    private final PlatformClient client;

    private Lti(DataSource db, AccountRepository accounts, Auth auth, ScoreOutbox.Backoff backoff) {
        this.db = db;
        this.accounts = accounts;
        this.auth = auth;
        this.platforms = new Platforms(db);
        this.keys = new ToolKeys(db);
        this.client = new PlatformClient(keys);
        this.scores = new ScoreOutbox(db, platforms, client, backoff);
    }

    /**
     * The LTI feature on the kit's database, told of every final lab and quiz score; {@link #startSending} once its
     * tables exist.
     */
    public static Lti create(DataSource db, AccountRepository accounts, Auth auth, Grading grading, Quizzes quizzes) {
        Lti lti = new Lti(db, accounts, auth, ScoreOutbox.Backoff.defaults());
        grading.whenScored(lti::scoreChanged);
        quizzes.attempts().whenScored(lti::scoreChanged);
        return lti;
    }

    /** Starts the grade passback: scores queued before, by this run of the kit or an earlier one, are sent. */
    public void startSending() {
        scores.start();
    }

    /** Adds the launch, key set, deep-linking and instructor pages. */
    public void register(RoutesConfig routes, Pages pages, Chapter chapter) {
        LtiAccounts links = new LtiAccounts(db, accounts);
        new LtiRoutes(auth, pages, platforms, keys, new Launches(db, platforms), links, new Targets(chapter, db),
                new DeepLinks(db, platforms, keys), scores, new RosterPull(db, platforms, client, links), db)
                .register(routes);
    }

    /**
     * A person's score for a kit page ({@code /labs/gateway}, {@code /quizzes/3}) may have become final: it is
     * queued for the grade book of every platform their launches of that page came from.
     */
    void scoreChanged(String target, long accountId) {
        try {
            scores.changed(accountId, target);
        } catch (RuntimeException e) {
            LOG.error("the score of account {} for {} could not be queued for the grade book", accountId, target, e);
        }
    }

    @Override
    public void close() {
        scores.close();
    }
}
