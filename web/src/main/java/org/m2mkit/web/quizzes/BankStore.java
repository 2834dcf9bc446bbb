package org.m2mkit.web.quizzes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.GiftWriter;
import org.m2mkit.content.questions.Question;
import org.m2mkit.web.db.Sql;

/**
 * Question banks in the database. Every question keeps all its versions, each stored as one GIFT question; an
 * edit adds a version and never changes one an attempt already points at.
 */
public final class BankStore {

    public record Bank(long id, String name, String source, int questions) {}

    /** One version of a bank question. */
    public record StoredQuestion(long id, long versionId, int version, long bankId, String bankName, Question question) {}

    public record TagCount(String tag, int questions) {}

    private final Sql sql;
    /** Versions never change once written, so each is read and parsed once (attempt pages, analytics). */
    private final Cache<Long, StoredQuestion> versions = Caffeine.newBuilder().maximumSize(20_000).build();
    private final GiftWriter writer = new GiftWriter();
    private final GiftParser parser = new GiftParser();

    public BankStore(DataSource db) {
        this.sql = new Sql(db);
    }

    public List<Bank> banks() {
        return sql.list("SELECT b.id, b.name, b.source, (SELECT COUNT(*) FROM quiz_question q WHERE q.bank_id = b.id) "
                + "FROM quiz_bank b ORDER BY b.name", rs -> new Bank(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getInt(4)));
    }

    public Optional<Bank> bank(String name) {
        return banks().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public Optional<Bank> bank(long id) {
        return banks().stream().filter(b -> b.id() == id).findFirst();
    }

    /**
     * Adds {@code questions} to the bank called {@code bankName} (created when missing) in one transaction.
     *
     * @return the bank's id
     */
    public long importQuestions(String bankName, String source, List<Question> questions, Long accountId) {
        return sql.tx(c -> {
            Long bankId = Sql.one(c, "SELECT id FROM quiz_bank WHERE name = ?", rs -> rs.getLong(1), bankName);
            if (bankId == null) {
                bankId = Sql.insert(c, "INSERT INTO quiz_bank (name, source) VALUES (?, ?)", bankName, source);
            }
            int position = Sql.one(c, "SELECT COALESCE(MAX(position), 0) FROM quiz_question WHERE bank_id = ?",
                    rs -> rs.getInt(1), bankId);
            for (Question q : questions) {
                insert(c, bankId, ++position, q, accountId);
            }
            return bankId;
        });
    }

    /**
     * Adds one question at the end of a bank, as its version 1.
     *
     * @return the question's id
     */
    public long add(long bankId, Question question, Long accountId) {
        return sql.tx(c -> insert(c, bankId, Sql.one(c, "SELECT COALESCE(MAX(position), 0) FROM quiz_question "
                + "WHERE bank_id = ?", rs -> rs.getInt(1), bankId) + 1, question, accountId));
    }

    private long insert(Connection c, long bankId, int position, Question q, Long accountId) throws SQLException {
        long id = Sql.insert(c, "INSERT INTO quiz_question (bank_id, category_id, position) VALUES (?, ?, ?)",
                bankId, category(c, bankId, q.category()), position);
        addVersion(c, id, 1, q, accountId);
        return id;
    }

    /** Saves an edited question as its next version; attempts keep the version they showed. */
    public StoredQuestion update(long questionId, Question edited, Long accountId) {
        sql.tx(c -> {
            Long bankId = Sql.one(c, "SELECT bank_id FROM quiz_question WHERE id = ?", rs -> rs.getLong(1), questionId);
            if (bankId == null) {
                throw new IllegalArgumentException("no question " + questionId);
            }
            int version = Sql.one(c, "SELECT MAX(version) FROM quiz_question_version WHERE question_id = ?",
                    rs -> rs.getInt(1), questionId);
            Sql.update(c, "UPDATE quiz_question SET category_id = ? WHERE id = ?", category(c, bankId, edited.category()),
                    questionId);
            Sql.update(c, "DELETE FROM quiz_question_tag WHERE question_id = ?", questionId);
            addVersion(c, questionId, version + 1, edited, accountId);
            return null;
        });
        return question(questionId).orElseThrow();
    }

    private void addVersion(Connection c, long questionId, int version, Question q, Long accountId) throws SQLException {
        Sql.insert(c, "INSERT INTO quiz_question_version (question_id, version, name, qtype, gift, created_by) "
                + "VALUES (?, ?, ?, ?, ?, ?)", questionId, version, q.name(), q.body().type(),
                writer.write(List.of(q)), accountId);
        for (String tag : q.tags()) {
            Long tagId = Sql.one(c, "SELECT id FROM quiz_tag WHERE name = ?", rs -> rs.getLong(1), tag);
            if (tagId == null) {
                tagId = Sql.insert(c, "INSERT INTO quiz_tag (name) VALUES (?)", tag);
            }
            Sql.update(c, "INSERT INTO quiz_question_tag (question_id, tag_id) SELECT ?, ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM quiz_question_tag WHERE question_id = ? AND tag_id = ?)",
                    questionId, tagId, questionId, tagId);
        }
    }

    private static long category(Connection c, long bankId, String path) throws SQLException {
        Long id = Sql.one(c, "SELECT id FROM quiz_category WHERE bank_id = ? AND path = ?", rs -> rs.getLong(1),
                bankId, path);
        return id != null ? id : Sql.insert(c, "INSERT INTO quiz_category (bank_id, path) VALUES (?, ?)", bankId, path);
    }

    private static final String LATEST = "SELECT q.id, v.id, v.version, b.id, b.name, v.gift FROM quiz_question q "
            + "JOIN quiz_bank b ON b.id = q.bank_id "
            + "JOIN quiz_question_version v ON v.question_id = q.id "
            + "AND v.version = (SELECT MAX(x.version) FROM quiz_question_version x WHERE x.question_id = q.id) ";

    private StoredQuestion row(java.sql.ResultSet rs) throws SQLException {
        return new StoredQuestion(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                parser.parse(rs.getString(6), "question " + rs.getLong(1)).get(0));
    }

    /** The latest version of a question. */
    public Optional<StoredQuestion> question(long questionId) {
        return Optional.ofNullable(sql.one(LATEST + "WHERE q.id = ?", this::row, questionId));
    }

    /** A particular version, as an attempt showed it. */
    public StoredQuestion version(long versionId) {
        return versions.get(versionId, this::readVersion);
    }

    private StoredQuestion readVersion(long versionId) {
        return sql.one("SELECT q.id, v.id, v.version, b.id, b.name, v.gift FROM quiz_question_version v "
                + "JOIN quiz_question q ON q.id = v.question_id JOIN quiz_bank b ON b.id = q.bank_id WHERE v.id = ?",
                this::row, versionId);
    }

    /**
     * The latest versions matching every given filter (null or blank means any): bank, tag, question type, and
     * words that must all appear in the name or text.
     */
    public List<StoredQuestion> search(Long bankId, String tag, String type, String words) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (bankId != null) {
            where.append(" AND q.bank_id = ?");
            params.add(bankId);
        }
        if (tag != null && !tag.isBlank()) {
            where.append(" AND q.id IN (SELECT qt.question_id FROM quiz_question_tag qt JOIN quiz_tag t ON t.id = qt.tag_id "
                    + "WHERE t.name = ?)");
            params.add(tag.strip());
        }
        if (type != null && !type.isBlank()) {
            where.append(" AND v.qtype = ?");
            params.add(type.strip());
        }
        if (words != null) {
            for (String w : words.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!w.isEmpty()) {
                    where.append(" AND LOWER(v.gift) LIKE ?");
                    params.add("%" + w.replace("%", "").replace("_", "") + "%");
                }
            }
        }
        return sql.list(LATEST + where + " ORDER BY b.name, q.position", this::row, params.toArray());
    }

    /** Every tag with how many questions carry it, by name. */
    public List<TagCount> tags() {
        return sql.list("SELECT t.name, COUNT(qt.question_id) FROM quiz_tag t JOIN quiz_question_tag qt ON qt.tag_id = t.id "
                + "GROUP BY t.name ORDER BY t.name", rs -> new TagCount(rs.getString(1), rs.getInt(2)));
    }

    /** The latest versions of a bank's questions, in bank order, as an export writes them. */
    public List<Question> export(long bankId) {
        return search(bankId, null, null, null).stream().map(StoredQuestion::question).toList();
    }

    /**
     * Ids of the questions carrying {@code tag} that a random draw may take, in bank order: descriptions are text,
     * not questions, and are never drawn.
     */
    public List<Long> questionIdsWithTag(String tag) {
        return sql.list("SELECT q.id FROM quiz_question q JOIN quiz_question_tag qt ON qt.question_id = q.id "
                + "JOIN quiz_tag t ON t.id = qt.tag_id JOIN quiz_question_version v ON v.question_id = q.id "
                + "AND v.version = (SELECT MAX(x.version) FROM quiz_question_version x WHERE x.question_id = q.id) "
                + "WHERE t.name = ? AND v.qtype <> ? ORDER BY q.bank_id, q.position",
                rs -> rs.getLong(1), tag, Body.Description.TYPE);
    }
}
