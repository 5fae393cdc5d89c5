package dev.duka.adapters.postgres.catalog;

import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.catalog.ProductSort;
import dev.duka.domain.catalog.SearchText;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.money.Money;
import dev.duka.domain.port.out.ProductRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL of product listings, searches and brand counts, put together from fixed fragments that
 * the query chooses (never from client text); every value is a bound parameter.
 *
 * <p>Visibility is worked out in the same statement from the stored tree, with a recursive walk
 * down from the active roots through active categories only: a product is visible when it is active
 * and its category was reached. The walk is over categories (tens to hundreds of rows), so it costs
 * well under a millisecond. The conditions are written so that the planner can use the partial
 * {@code WHERE active} indexes of V1 and V2:
 *
 * <ul>
 *   <li>without a category filter, hidden categories are excluded ({@code <> ALL}), a cheap filter
 *       on an index scan in the sort's order, since hidden categories are usually few;
 *   <li>with one, the visible part of its subtree is included ({@code = ANY}), which the category
 *       indexes can look up.
 * </ul>
 */
final class ProductSql {
  /** Product columns under the alias {@code p}. */
  static final String COLUMNS =
      "p.id, p.sku, p.slug, p.name, p.description, p.brand, p.category_id, p.price_minor,"
          + " p.currency, p.stock, p.active, p.created_by, p.updated_by, p.created_at,"
          + " p.updated_at, p.version";

  /** Trigram word similarity from which a name or brand counts as the search term with a typo. */
  static final String FUZZY_THRESHOLD = "0.35";

  /**
   * Each lexeme of the web-search query, as PostgreSQL quotes it, becomes a prefix ({@code
   * 'kang':*}); operators (and, or, not, phrase) stay as the user wrote them.
   */
  private static final String PREFIX_QUERY =
      "to_tsquery('simple', regexp_replace(websearch_to_tsquery('simple', :q)::text,"
          + " '''(?:[^'']|'''')*''', '\\&:*', 'g'))";

  /** Name above brand above description: ts_rank's weights for D, C, B, A. */
  private static final String RANK_WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'";

  /** A search candidate's relevance: full-text rank plus the similarity of name and brand. */
  private static final String SCORE =
      "ts_rank("
          + RANK_WEIGHTS
          + ", p.search, terms.query) + 0.3 * word_similarity(:term, lower(p.name))"
          + " + 0.1 * word_similarity(:term, lower(p.brand)) AS score";

  /** "or" as a word of its own, which web-search syntax reads as an operator. */
  private static final Pattern OR_OPERATOR =
      Pattern.compile("(?:^|\\s)or(?:\\s|$)", Pattern.CASE_INSENSITIVE);

  /** Words of letters and digits of the Latin alphabet, separated by white space. */
  private static final Pattern PLAIN_WORDS =
      Pattern.compile("\\s*[A-Za-z0-9]+(?:\\s+[A-Za-z0-9]+)*\\s*");

  private ProductSql() {}

  /** A statement and its bound values. */
  record Statement(String sql, Map<String, Object> params) {
    Statement {
      params = Map.copyOf(params);
    }
  }

  /**
   * One statement giving the page of a listing and, on every row, the total ({@code total}); when
   * the page is empty, a single row with only the total.
   */
  static Statement list(ProductQuery query, PageRequest page) {
    if (isCounted(query)) {
      return countedList(query, page);
    }
    Filter filter = Filter.of(query);
    Map<String, Object> params = new LinkedHashMap<>(filter.params);
    params.put("limit", page.size());
    params.put("offset", page.offset());
    String rows =
        query.category().isPresent()
            ? pageOfSubtree(query, filter)
            : "SELECT "
                + COLUMNS
                + " FROM products p WHERE "
                + filter.where
                + " ORDER BY "
                + orderBy(query)
                + " LIMIT :limit OFFSET :offset";
    String sql =
        filter.with()
            + "SELECT (SELECT count(*) FROM products p WHERE "
            + filter.where
            + ") AS total, r.* FROM (SELECT 1) AS one LEFT JOIN LATERAL ("
            + rows
            + ") AS r ON true";
    return new Statement(sql, params);
  }

  /**
   * Whether a listing is by category, price and currency alone, which {@code product_counts} counts
   * (docs/catalog.md, "Counting a listing"), in an order that a category's indexes keep.
   */
  private static boolean isCounted(ProductQuery query) {
    return query.category().isPresent()
        && !query.includeHidden()
        && query.brand().isEmpty()
        && query.inStock().isEmpty()
        && query.sort() != ProductSort.NAME;
  }

  /**
   * A category's listing whose cost follows the page and the number of categories, not the number
   * of products that match.
   *
   * <p>The total adds up {@code product_counts} for the buckets wholly inside the price band, and
   * counts the products of the band's two edge buckets from the category price index ({@link
   * PriceBuckets}). The page is the first {@code offset + limit} matches of each category of the
   * subtree, merged: in price order, read from the category price index in order; newest first,
   * either every match of the category sorted (when few of its products match) or its newest index
   * walked until enough match (when many do). The counts tell which: walking reads about {@code
   * reach × products / matches} entries, sorting {@code matches}.
   */
  private static Statement countedList(ProductQuery query, PageRequest page) {
    Filter filter = Filter.of(query);
    Map<String, Object> params = new LinkedHashMap<>(filter.params);
    params.put("limit", page.size());
    params.put("offset", page.offset());
    params.put("reach", page.offset() + page.size());
    String band = "true";
    String inside = "true";
    String edges = "";
    if (query.priceCurrency().isPresent()) {
      PriceBuckets.Split split =
          PriceBuckets.Split.of(
              query.minPrice().map(Money::minor).orElse(0L),
              query.maxPrice().map(Money::minor).orElse(Long.MAX_VALUE));
      String currency = "c.currency = CAST(:currency AS char(3))";
      band = currency + " AND c.price_floor BETWEEN :touchedFrom AND :touchedTo";
      inside = currency + " AND c.price_floor BETWEEN :insideFrom AND :insideTo";
      bind(params, "touched", split.touched());
      bind(params, "inside", split.inside());
      bind(params, "low", split.low());
      bind(params, "high", split.high());
      for (String edge : List.of("low", "high")) {
        edges +=
            " + (SELECT count(*) FROM products p WHERE "
                + filter.scopeWhere
                + " AND p.currency = CAST(:currency AS char(3)) AND p.price_minor BETWEEN :"
                + edge
                + "From AND :"
                + edge
                + "To)";
      }
    }
    List<String> ctes = new ArrayList<>(filter.ctes);
    ctes.add(
        "leaves AS MATERIALIZED (SELECT c.category_id AS id, sum(c.products) AS products,"
            + " coalesce(sum(c.products) FILTER (WHERE "
            + band
            + "), 0) AS matches, coalesce(sum(c.products) FILTER (WHERE "
            + inside
            + "), 0) AS counted FROM product_counts c"
            + " WHERE c.category_id = ANY(ARRAY(SELECT id FROM scope WHERE inside))"
            + " GROUP BY c.category_id)");
    String sql =
        "WITH RECURSIVE "
            + String.join(", ", ctes)
            + " SELECT (SELECT coalesce(sum(counted), 0) FROM leaves)"
            + edges
            + " AS total, r.* FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT "
            + COLUMNS
            + " FROM (SELECT k.id FROM leaves l CROSS JOIN LATERAL ("
            + firstOfLeaf(query.sort(), filter)
            + ") AS k WHERE l.matches > 0 ORDER BY "
            + keyOrder(query.sort())
            + " LIMIT :limit OFFSET :offset) AS page JOIN products p ON p.id = page.id ORDER BY "
            + orderBy(query)
            + ") AS r ON true";
    return new Statement(sql, params);
  }

  private static void bind(Map<String, Object> params, String name, PriceBuckets.Range range) {
    params.put(name + "From", range.from());
    params.put(name + "To", range.to());
  }

  /** The first {@code :reach} matches of the category {@code l}, with their sort key. */
  private static String firstOfLeaf(ProductSort sort, Filter filter) {
    String matching = inLeaf(filter.band("p.price_minor", "p.price_minor"));
    return switch (sort) {
      case PRICE_ASC ->
          "SELECT p.id, p.price_minor FROM products p WHERE "
              + matching
              + " ORDER BY p.price_minor, p.id LIMIT :reach";
      case PRICE_DESC ->
          "SELECT p.id, p.price_minor FROM products p WHERE "
              + matching
              + " ORDER BY p.price_minor DESC, p.id DESC LIMIT :reach";
      case NEWEST ->
          // few matches: all of them (OFFSET 0 keeps the planner on the price index), sorted;
          // many: the newest index walked, the band a filter on it. A plan made for any band
          // takes a band on the column for a narrow one (0.5 %) and reads the whole category by
          // price instead; on two expressions of it, the planner takes it for a ninth of the
          // rows and walks. (As a CASE it took it for half, but then PostgreSQL kept planning
          // each run for its values: a third of the rate at 1,000,000 products.)
          "(SELECT x.id, x.created_at FROM (SELECT p.id, p.created_at FROM products p"
              + " WHERE l.matches::float8 * l.matches <= :reach * l.products::float8 AND "
              + matching
              + " OFFSET 0) AS x ORDER BY x.created_at DESC, x.id LIMIT :reach) UNION ALL"
              + " (SELECT p.id, p.created_at FROM products p"
              + " WHERE l.matches::float8 * l.matches > :reach * l.products::float8 AND "
              + inLeaf(filter.band("p.price_minor + 0", "p.price_minor - 0"))
              + " ORDER BY p.created_at DESC, p.id LIMIT :reach)";
      case NAME -> throw new IllegalArgumentException("a listing by name is not counted");
    };
  }

  private static String inLeaf(String band) {
    return "p.active AND p.category_id = l.id" + (band.isEmpty() ? "" : " AND " + band);
  }

  private static String keyOrder(ProductSort sort) {
    return switch (sort) {
      case NEWEST -> "k.created_at DESC, k.id";
      case PRICE_ASC -> "k.price_minor, k.id";
      case PRICE_DESC -> "k.price_minor DESC, k.id DESC";
      case NAME -> "k.name_key, k.id";
    };
  }

  /**
   * The page of a listing within a category's subtree: the matching products' keys are read from
   * the category index alone (as the total is) and sorted, and only the page's rows are fetched.
   *
   * <p>Left to itself, the planner cannot tell how many products a subtree and price band hold (the
   * subtree is worked out in the statement), and walks the sort's index, filtering, until it has a
   * page: when few products match, that reads the whole table (0.4 s at 100,000 products, for an
   * empty page). {@code OFFSET 0} keeps the matching keys a subquery of their own, so their cost
   * follows the number of matches, like the total's (docs/benchmarks.md, "Tuning").
   */
  private static String pageOfSubtree(ProductQuery query, Filter filter) {
    String key =
        switch (query.sort()) {
          case NEWEST -> "p.created_at";
          case PRICE_ASC, PRICE_DESC -> "p.price_minor";
          case NAME -> "lower(p.name) AS name_key";
        };
    return "SELECT "
        + COLUMNS
        + " FROM (SELECT k.id FROM (SELECT p.id, "
        + key
        + " FROM products p WHERE "
        + filter.where
        + " OFFSET 0) AS k ORDER BY "
        + keyOrder(query.sort())
        + " LIMIT :limit OFFSET :offset) AS page JOIN products p ON p.id = page.id ORDER BY "
        + orderBy(query);
  }

  /**
   * One statement giving a page of search results, most relevant first, with the number of ranked
   * candidates as {@code total} (a single row with only the total when the page is empty).
   *
   * <p>Candidates are gathered by index and bounded ({@link ProductRepository#SEARCH_CANDIDATES} of
   * each kind), scored as they are read, and only the page's rows are fetched whole:
   *
   * <ol>
   *   <li>{@code name_matches}: every word as a prefix of a word of the name, which rank highest;
   *   <li>{@code text_matches}: only when the names gave fewer than the bound, every word as a
   *       prefix anywhere: brand and description too (GIN on {@code search});
   *   <li>{@code typo_matches}: only when fewer than {@link ProductRepository#FUZZY_BELOW} matched,
   *       names and brands similar to the words (needs the transaction's {@code
   *       pg_trgm.word_similarity_threshold}, set by the caller).
   * </ol>
   *
   * The score is the weighted full-text rank plus the trigram similarity of name and brand, so a
   * name match ranks above a brand match, above a description match, above a typo.
   *
   * <p>A search for plain words ({@link #isByWords}) finds names and typos through {@code
   * search_postings} and {@code search_words}, at a cost that follows the bound rather than the
   * number of matches; any other search (quoted phrases, {@code or}, excluded words, filters)
   * through the GIN and trigram indexes of the products (docs/catalog.md, "Searching a large
   * catalog").
   *
   * <p>The query's words are worked out in the statement ({@code terms}), so the plan does not
   * depend on them and PostgreSQL keeps one plan for every search. Planning each search for its
   * words cost more than it saved: about 5 ms of planning made searches at 10,000 products half as
   * fast (docs/benchmarks.md, "Tuning").
   */
  static Statement search(SearchText text, ProductQuery filters, PageRequest page) {
    return isByWords(text, filters)
        ? searchByWords(text, filters, page)
        : searchByIndexes(text, filters, page);
  }

  /**
   * Whether a search is for plain words only: letters and digits of the Latin alphabet, which
   * PostgreSQL's parser keeps whole (so the words the statement looks up are the query's lexemes),
   * with no {@code or}, quotes or excluded words, and no filter but visibility.
   */
  static boolean isByWords(SearchText text, ProductQuery filters) {
    return PLAIN_WORDS.matcher(text.value()).matches()
        && !OR_OPERATOR.matcher(text.value()).find()
        && filters.category().isEmpty()
        && filters.brand().isEmpty()
        && filters.priceCurrency().isEmpty()
        && filters.minPrice().isEmpty()
        && filters.maxPrice().isEmpty()
        && filters.inStock().isEmpty();
  }

  /**
   * A search for plain words, read through {@code search_postings} and {@code search_words} (V5):
   *
   * <ul>
   *   <li>names, for one word: the postings of the words it begins, read from their B-tree (an
   *       index-only scan, once autovacuum has marked the pages) until the bound has enough
   *       products whose name matches; for several words: the known words each begins make a query
   *       of whole words, which the name GIN index intersects without collecting every product of
   *       each word first (as it must for prefixes);
   *   <li>typos: the known words similar to a query word, most similar first, and their products
   *       until the bound has enough whose name or brand is similar to the query.
   * </ul>
   *
   * A product with two words that the query word begins, or two similar words, is read at each and
   * taken at the first.
   */
  static Statement searchByWords(SearchText text, ProductQuery filters, PageRequest page) {
    Filter filter = Filter.of(filters);
    Map<String, Object> params = searchParams(filter, text, page);
    List<String> ctes = searchCtes(filter);
    ctes.add("words AS MATERIALIZED (SELECT string_to_array(:term, ' ') AS words)");
    // how many known words a single query word begins
    ctes.add(
        "lead AS MATERIALIZED (SELECT count(*) AS spread FROM search_words v WHERE "
            + startsWith("v.word", ":term")
            + ")");
    // (w1 | w2) & (w3): the known words that each query word begins, quoted as lexemes; none
    // (no product matches) when a query word begins no known word
    ctes.add(
        "whole AS MATERIALIZED (SELECT CASE WHEN count(x.alternatives) = count(*)"
            + " THEN CAST(string_agg('(' || x.alternatives || ')', ' & ') AS tsquery) END AS query"
            + " FROM (SELECT (SELECT string_agg('''' || replace(v.word, '''', '''''') || '''',"
            + " ' | ') FROM search_words v WHERE "
            + startsWith("v.word", "q.word")
            + " AND v.products > 0) AS alternatives FROM words, unnest(words.words) AS q (word)"
            + " WHERE cardinality(words.words) > 1) AS x)");
    ctes.add(
        // the range on the bound word itself (one word: the whole term) is a condition of the
        // postings index, whatever the plan; the branch runs only for a single word
        "name_matches AS MATERIALIZED ((SELECT m.* FROM lead, search_postings s CROSS JOIN LATERAL ("
            + scored(
                "p.id = s.product_id AND p.name_search @@ terms.query AND (lead.spread = 1"
                    // a product with two words that the query word begins: at the first only
                    + " OR s.word = (SELECT min(w) FROM unnest(product_search_words("
                    + "p.name_search, p.brand)) AS w WHERE "
                    + startsWith("w", ":term")
                    + "))",
                filter)
            + ") AS m WHERE cardinality(string_to_array(:term, ' ')) = 1 AND "
            + startsWith("s.word", ":term")
            + " LIMIT :cap) UNION ALL ("
            + scoredProducts(", whole", "p.name_search @@ whole.query", filter)
            + " LIMIT :cap))");
    ctes.add(textMatches(filter));
    ctes.add(
        "typo_words AS MATERIALIZED (SELECT v.word, max(word_similarity(q.word, v.word))"
            + " AS similarity FROM words, unnest(words.words) AS q (word), search_words v"
            + " WHERE (SELECT count(*) FROM name_matches) < :fuzzyBelow"
            + " AND (SELECT count(*) FROM text_matches) < :fuzzyBelow"
            + " AND v.word %> q.word AND v.products > 0 GROUP BY v.word)");
    ctes.add(
        "typo_matches AS MATERIALIZED (SELECT m.* FROM (SELECT word, similarity FROM typo_words"
            + " ORDER BY similarity DESC, word) AS w CROSS JOIN LATERAL (SELECT s.product_id"
            + " FROM search_postings s WHERE s.word = w.word) AS s"
            + " CROSS JOIN LATERAL ("
            + scored(
                "p.id = s.product_id AND (:term <% lower(p.name) OR :term <% lower(p.brand))"
                    // a product with two similar words: at the more similar only
                    + " AND NOT EXISTS (SELECT 1 FROM typo_words t, unnest(product_search_words("
                    + "p.name_search, p.brand)) AS x (word) WHERE t.word = x.word"
                    + " AND (t.similarity > w.similarity"
                    + " OR t.similarity = w.similarity AND t.word < w.word))",
                filter)
            + ") AS m LIMIT :cap)");
    ctes.add(
        "ranked AS MATERIALIZED (SELECT * FROM name_matches UNION SELECT * FROM text_matches"
            + " UNION SELECT * FROM typo_matches)");
    return new Statement(rankedPage(ctes), params);
  }

  /** A search of any kind, through the GIN and trigram indexes of the products. */
  static Statement searchByIndexes(SearchText text, ProductQuery filters, PageRequest page) {
    Filter filter = Filter.of(filters);
    Map<String, Object> params = searchParams(filter, text, page);
    String excluded = "";
    if (!text.excludedWords().isEmpty()) {
      // the words are letters and digits only (SearchText), and travel as a bound value
      params.put(
          "excluded",
          text.excludedWords().stream()
              .map(word -> "'" + word + "':*")
              .collect(Collectors.joining(" | ")));
      excluded = " AND NOT p.search @@ to_tsquery('simple', :excluded)";
    }
    List<String> ctes = searchCtes(filter);
    // Each LIMIT stops its scan at the bound: the score is worked out for the rows read only.
    ctes.add(candidates("name_matches", "p.name_search @@ terms.query", filter, true));
    ctes.add(textMatches(filter));
    // PostgreSQL cannot tell how many names are similar to a word, and with a bound in the same
    // query it may guess many and read the table until it has enough: typo_matches is planned for
    // all its rows (so it reads the trigram indexes) and bounded by the statement that reads it.
    ctes.add(
        candidates(
            "typo_matches",
            "(SELECT count(*) FROM name_matches) < :fuzzyBelow"
                + " AND (SELECT count(*) FROM text_matches) < :fuzzyBelow"
                + " AND (:term <% lower(p.name) OR :term <% lower(p.brand))"
                + excluded,
            filter,
            false));
    // a product found twice has the same score both times, so UNION keeps it once
    ctes.add(
        "ranked AS MATERIALIZED (SELECT * FROM name_matches UNION SELECT * FROM text_matches"
            + " UNION (SELECT * FROM typo_matches LIMIT :cap))");
    return new Statement(rankedPage(ctes), params);
  }

  private static Map<String, Object> searchParams(
      Filter filter, SearchText text, PageRequest page) {
    Map<String, Object> params = new LinkedHashMap<>(filter.params);
    params.put("q", text.value());
    params.put("term", text.fuzzyTerm());
    params.put("cap", ProductRepository.SEARCH_CANDIDATES);
    params.put("fuzzyBelow", ProductRepository.FUZZY_BELOW);
    params.put("limit", page.size());
    params.put("offset", page.offset());
    return params;
  }

  /** The filter's own CTEs and the query's words as a prefix query ({@code terms}). */
  private static List<String> searchCtes(Filter filter) {
    List<String> ctes = new ArrayList<>(filter.ctes);
    ctes.add("terms AS MATERIALIZED (SELECT " + PREFIX_QUERY + " AS query)");
    return ctes;
  }

  /**
   * Products with every word as a prefix anywhere (name, brand, description), only when the names
   * gave fewer than the bound: GIN on {@code search}, bounded.
   */
  private static String textMatches(Filter filter) {
    return candidates(
        "text_matches",
        "(SELECT count(*) FROM name_matches) < :cap AND p.search @@ terms.query",
        filter,
        true);
  }

  /** The statement over the candidate {@code ranked}: their number and the page, best first. */
  private static String rankedPage(List<String> ctes) {
    return "WITH RECURSIVE "
        + String.join(", ", ctes)
        + " SELECT t.total, r.* FROM (SELECT count(*) AS total FROM ranked) AS t"
        + " LEFT JOIN LATERAL (SELECT "
        + COLUMNS
        + ", k.score FROM (SELECT * FROM ranked"
        + " ORDER BY score DESC, created_at DESC, id LIMIT :limit OFFSET :offset) AS k"
        + " JOIN products p ON p.id = k.id"
        + " ORDER BY k.score DESC, k.created_at DESC, k.id) AS r ON true";
  }

  /**
   * {@code word} begins with {@code prefix}: a range of the C-collated words (U+10FFFF is the last
   * code point), which a B-tree reads in order.
   */
  private static String startsWith(String word, String prefix) {
    return word + " >= " + prefix + " AND " + word + " < " + prefix + " || chr(1114111)";
  }

  /**
   * The scored product {@code p} of one posting, when it meets {@code condition}: a subquery of its
   * own ({@code OFFSET 0}), so that products are looked up one posting at a time until the bound
   * has enough, never joined to every posting by hash.
   */
  private static String scored(String condition, Filter filter) {
    return scoredProducts("", condition, filter) + " OFFSET 0";
  }

  /**
   * The visible products meeting {@code condition}, with their score: from {@code products p} and
   * {@code terms}, and the relations {@code alsoFrom} names ({@code ", whole"}).
   */
  private static String scoredProducts(String alsoFrom, String condition, Filter filter) {
    return "SELECT p.id, p.created_at, "
        + SCORE
        + " FROM products p, terms"
        + alsoFrom
        + " WHERE "
        + condition
        + " AND "
        + filter.where;
  }

  /**
   * A scored set of search candidates: products meeting {@code condition}, at most {@code :cap} of
   * them when {@code bounded}.
   */
  private static String candidates(String name, String condition, Filter filter, boolean bounded) {
    return name
        + " AS MATERIALIZED ("
        + scoredProducts("", condition, filter)
        + (bounded ? " LIMIT :cap)" : ")");
  }

  /** The visible products' brands, grouped ignoring case, alphabetically. */
  static Statement brands() {
    Filter filter = Filter.of(ProductQuery.all());
    String sql =
        filter.with()
            + "SELECT min(p.brand COLLATE \"C\") AS brand, count(*) AS products"
            + " FROM products p WHERE p.brand <> '' AND "
            + filter.where
            + " GROUP BY lower(p.brand) ORDER BY lower(p.brand)";
    return new Statement(sql, filter.params);
  }

  /** Sort columns come from this switch over the allow-listed enum, never from the client. */
  private static String orderBy(ProductQuery query) {
    return switch (query.sort()) {
      case NEWEST -> "p.created_at DESC, p.id";
      case PRICE_ASC -> "p.price_minor, p.id";
      case PRICE_DESC -> "p.price_minor DESC, p.id DESC";
      case NAME -> "lower(p.name), p.id";
    };
  }

  /** The common table expressions and conditions (on {@code p}) of a query's filters. */
  private static final class Filter {
    private final List<String> ctes = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String where;

    /** The conditions of the category scope and visibility alone ({@code true} when none). */
    private String scopeWhere;

    private boolean currency;
    private boolean min;
    private boolean max;

    static Filter of(ProductQuery query) {
      Filter f = new Filter();
      f.scope(query);
      f.scopeWhere = f.conditions.isEmpty() ? "true" : String.join(" AND ", f.conditions);
      if (!query.brand().isEmpty()) {
        f.conditions.add("lower(p.brand) = lower(:brand)");
        f.params.put("brand", query.brand());
      }
      query.priceCurrency().ifPresent(c -> f.params.put("currency", c.getCurrencyCode()));
      query.minPrice().ifPresent(m -> f.params.put("minPrice", m.minor()));
      query.maxPrice().ifPresent(m -> f.params.put("maxPrice", m.minor()));
      f.currency = query.priceCurrency().isPresent();
      f.min = query.minPrice().isPresent();
      f.max = query.maxPrice().isPresent();
      String band = f.band("p.price_minor", "p.price_minor");
      if (!band.isEmpty()) {
        f.conditions.add(band);
      }
      query
          .inStock()
          .ifPresent(inStock -> f.conditions.add(inStock ? "p.stock > 0" : "p.stock = 0"));
      f.where = f.conditions.isEmpty() ? "true" : String.join(" AND ", f.conditions);
      return f;
    }

    /**
     * The conditions of the price band and of its currency, the band's ends compared with {@code
     * atLeast} and {@code atMost} (the price column, or expressions of it); empty when the query
     * has no price filter.
     */
    String band(String atLeast, String atMost) {
      List<String> band = new ArrayList<>();
      if (currency) {
        band.add("p.currency = CAST(:currency AS char(3))");
      }
      if (min) {
        band.add(atLeast + " >= :minPrice");
      }
      if (max) {
        band.add(atMost + " <= :maxPrice");
      }
      return String.join(" AND ", band);
    }

    /** {@code WITH RECURSIVE …} with a trailing space, or nothing. */
    String with() {
      return ctes.isEmpty() ? "" : "WITH RECURSIVE " + String.join(", ", ctes) + " ";
    }

    private void scope(ProductQuery query) {
      boolean hidden = query.includeHidden();
      if (query.category().isPresent()) {
        params.put("category", query.category().get().value());
        if (hidden) {
          ctes.add(
              "scope(id) AS (SELECT id FROM categories WHERE id = :category"
                  + " UNION SELECT c.id FROM categories c JOIN scope s ON c.parent_id = s.id)");
          conditions.add("p.category_id = ANY(ARRAY(SELECT id FROM scope))");
        } else {
          ctes.add(
              "scope(id, inside) AS ("
                  + "SELECT id, id = :category FROM categories WHERE parent_id IS NULL AND active"
                  + " UNION SELECT c.id, s.inside OR c.id = :category"
                  + " FROM categories c JOIN scope s ON c.parent_id = s.id WHERE c.active)");
          conditions.add("p.active");
          conditions.add("p.category_id = ANY(ARRAY(SELECT id FROM scope WHERE inside))");
        }
      } else if (!hidden) {
        ctes.add(
            "visible(id) AS ("
                + "SELECT id FROM categories WHERE parent_id IS NULL AND active"
                + " UNION SELECT c.id FROM categories c JOIN visible v ON c.parent_id = v.id"
                + " WHERE c.active)");
        conditions.add("p.active");
        conditions.add(
            "p.category_id <> ALL(ARRAY("
                + "SELECT id FROM categories EXCEPT SELECT id FROM visible))");
      }
    }
  }
}
