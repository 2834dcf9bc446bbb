package org.m2mkit.web.accounts.cli;

import java.util.concurrent.Callable;
import org.m2mkit.labs.UserError;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.SessionStore;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.quizzes.cli.QuizCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code m2mkit accounts reset-password USER}: the kit's accounts from the command line. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Manage the kit's accounts in its database.",
        subcommands = {AccountsCommand.ResetPassword.class})
public final class AccountsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Give USER a one-time password, printed once: it works for one sign-in, then USER must "
                    + "choose a new password. USER's sign-ins are ended.")
    static final class ResetPassword implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "USER", description = "the user name")
        String username;

        @picocli.CommandLine.Mixin
        QuizCommand.DatabaseOptions db = new QuizCommand.DatabaseOptions();

        @Override
        public Integer call() {
            String name = username.strip().toLowerCase(java.util.Locale.ROOT);
            try (Database database = open()) {
                AccountRepository accounts = new AccountRepository(database.dataSource());
                Account who = accounts.find(name).orElseThrow(() -> new UserError("there is no account '" + name
                        + "'; the accounts page of the kit lists them all"));
                String oneTime = accounts.resetPassword(who.id());
                new SessionStore(database.dataSource(), java.time.Duration.ofDays(14)).closeOthers(who.id(), null);
                spec.commandLine().getOut().printf("One-time password for %s (%s): %s%n"
                        + "Hand it over now; it is not shown again. It works for one sign-in, then %s chooses a new "
                        + "password.%n", who.username(), who.displayName(), oneTime, who.username());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }

        private Database open() {
            try {
                return db.open();
            } catch (UserError e) {
                if (String.valueOf(e.getMessage()).contains("in use by a running kit")) {
                    throw new UserError("the kit's database is in use by a running kit; reset the password on its "
                            + "accounts page (/instructor/accounts), or stop 'm2mkit serve' first", e);
                }
                throw e;
            }
        }
    }
}
