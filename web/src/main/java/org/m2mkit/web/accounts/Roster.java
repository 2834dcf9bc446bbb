package org.m2mkit.web.accounts;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A class roster in CSV (read by Jackson's CSV module): a header row naming the columns {@code username} and
 * {@code name}, optionally {@code role} (student or instructor; empty means student) and {@code password} (empty
 * means one is made up). Every row is checked before anything is stored; the result lists every problem with its
 * line.
 */
public final class Roster {

    /** One account to create, with the password to hand to its owner. */
    public record Entry(int line, AccountRepository.NewAccount account, boolean passwordMadeUp) {}

    /** The rows that can be created, or every problem found. */
    public record Result(List<Entry> entries, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty() && !entries.isEmpty();
        }
    }

    public static final int MAX_ROWS = 2000;

    private Roster() {}

    public static Result parse(String csv, AccountRepository existing) {
        List<String> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        if (csv == null || csv.isBlank()) {
            return new Result(entries, List.of("the roster is empty; the first line names the columns: "
                    + "username,name[,role][,password]"));
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        // line by line, so that a line that is not readable CSV is one problem among the others, not the last
        List<String> lines = csv.lines().toList();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        List<String> header;
        try {
            header = row(mapper, lines.get(first)).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        } catch (IOException | RuntimeException e) {
            return new Result(List.of(), List.of("line " + (first + 1) + ": the header is not readable CSV ("
                    + firstLine(e.getMessage()) + ")"));
        }
        Map<String, Integer> col = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i), i);
        }
        for (String h : header) {
            if (!Set.of("username", "name", "role", "password").contains(h)) {
                problems.add("line " + (first + 1) + ": unknown column '" + h
                        + "'; the columns are username, name, role, password");
            }
        }
        if (!col.containsKey("username") || !col.containsKey("name")) {
            problems.add("line " + (first + 1) + ": the header must name the columns 'username' and 'name' "
                    + "(and may add 'role' and 'password'), for example: username,name,role");
            return new Result(List.of(), problems);
        }
        Set<String> seen = new HashSet<>();
        for (int n = first + 1; n < lines.size(); n++) {
            int line = n + 1;
            if (lines.get(n).isBlank()) {
                continue;
            }
            if (entries.size() + problems.size() >= MAX_ROWS) {
                problems.add("the roster has more than " + MAX_ROWS + " rows; split it into several files");
                break;
            }
            List<String> row;
            try {
                row = row(mapper, lines.get(n));
            } catch (IOException | RuntimeException e) {
                problems.add("line " + line + ": not readable CSV (" + firstLine(e.getMessage()) + ")");
                continue;
            }
            if (row.size() > header.size()) {
                problems.add("line " + line + ": " + row.size() + " fields but the header names " + header.size());
                continue;
            }
            String username = field(row, col.get("username")).toLowerCase(Locale.ROOT);
            String name = field(row, col.get("name"));
            String roleText = col.containsKey("role") ? field(row, col.get("role")) : "";
            String password = col.containsKey("password") ? field(row, col.get("password")) : "";
            List<String> here = new ArrayList<>();
            AccountRules.usernameProblem(username).ifPresent(here::add);
            AccountRules.displayNameProblem(name).ifPresent(here::add);
            var role = AccountRules.role(roleText);
            if (role.isEmpty()) {
                here.add("the role '" + roleText + "' is not known; use student or instructor");
            }
            boolean madeUp = password.isEmpty();
            if (!madeUp) {
                AccountRules.passwordProblem(password).ifPresent(here::add);
            }
            if (!username.isEmpty() && !seen.add(username)) {
                here.add("the user name '" + username + "' appears twice in the roster");
            } else if (!username.isEmpty() && existing.find(username).isPresent()) {
                here.add("an account '" + username + "' exists already");
            }
            if (here.isEmpty()) {
                entries.add(new Entry(line, new AccountRepository.NewAccount(username, name, role.get(),
                        madeUp ? AccountRules.newPassword() : password), madeUp));
            } else {
                here.forEach(p -> problems.add("line " + line + ": " + p));
            }
        }
        if (problems.isEmpty() && entries.isEmpty()) {
            problems.add("the roster has a header but no accounts");
        }
        return new Result(problems.isEmpty() ? entries : List.of(), problems);
    }

    /** One line of the roster as its fields. */
    private static List<String> row(CsvMapper mapper, String line) throws IOException {
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(line)) {
            if (!rows.hasNext()) {
                return List.of();
            }
            List<String> row = rows.next();
            if (rows.hasNext()) {
                throw new IOException("a quote is not closed on this line");
            }
            return row;
        }
    }

    private static String field(List<String> row, int index) {
        return index < row.size() && row.get(index) != null ? row.get(index).trim() : "";
    }

    private static String firstLine(String message) {
        return message == null ? "unknown problem" : message.lines().findFirst().orElse(message);
    }
}
