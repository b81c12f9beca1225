package com.medsales.ingest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Tells which vintage of a dataset's layout a file is from its header, the one way for every
 * dataset whose columns CMS renamed over the years (Part B, Part D, Open Payments). Each vintage
 * lists its columns by field, in the same field order; {@link #ABSENT} marks a field the vintage
 * does not have.
 *
 * <p>The first vintage whose every column the header has (optional fields aside) is the file's.
 * Otherwise the nearest vintage (fewest columns missing) is named with what it lacks, when the file
 * plainly is of it: it has the vintage's key columns (when the dataset names some) or, without key
 * columns, more than half of its columns. A file like no vintage is refused with the dataset's own
 * reason. Either way {@link UnknownDatasetVintage} quotes only the known vintage's column names,
 * never the file's.
 *
 * @param <V> the dataset's vintages, in the order they are tried
 */
public final class VintageRecogniser<V extends Enum<V>> {

  /** The column name of a field a vintage does not have. */
  public static final String ABSENT = "-";

  private final String dataset;
  private final Class<V> vintages;
  private final Function<V, List<String>> columns;
  private final Set<Integer> keys;
  private final Set<Integer> optional;
  private final String unknownReason;

  /**
   * @param dataset as the messages name it ("Part B")
   * @param columns a vintage's column names by field
   * @param keys fields whose columns identify a vintage (the NPI and the HCPCS code); empty: none
   *     do
   * @param optional fields a file of a vintage may lack
   * @param unknownReason why a file like no vintage is refused ("no known vintage names its
   *     prescriber and drug columns")
   */
  public VintageRecogniser(
      String dataset,
      Class<V> vintages,
      Function<V, List<String>> columns,
      Set<Integer> keys,
      Set<Integer> optional,
      String unknownReason) {
    this.dataset = dataset;
    this.vintages = vintages;
    this.columns = columns;
    this.keys = Set.copyOf(keys);
    this.optional = Set.copyOf(optional);
    this.unknownReason = unknownReason;
  }

  /**
   * A recognised file: its vintage and, by field, the position of its column (-1 for a field it
   * lacks).
   */
  public record Match<V>(V vintage, int[] positions) {
    public int at(int field) {
      return positions[field];
    }
  }

  /** The vintage of the file whose header this is, or why it has none. */
  public Match<V> recognise(CsvHeader header, String fileName) throws UnknownDatasetVintage {
    V nearest = null;
    List<String> nearestMissing = null;
    for (V vintage : EnumSet.allOf(vintages)) {
      List<String> names = columns.apply(vintage);
      int[] positions = new int[names.size()];
      List<String> missing = new ArrayList<>();
      boolean keyed = true;
      for (int field = 0; field < positions.length; field++) {
        String name = names.get(field);
        positions[field] = name.equals(ABSENT) ? -1 : header.optional(name);
        if (positions[field] < 0 && !name.equals(ABSENT) && !optional.contains(field)) {
          missing.add(name);
          keyed &= !keys.contains(field);
        }
      }
      if (!keyed) {
        continue;
      }
      if (missing.isEmpty()) {
        return new Match<>(vintage, positions);
      }
      if (nearestMissing == null || missing.size() < nearestMissing.size()) {
        nearest = vintage;
        nearestMissing = missing;
      }
    }
    if (nearest != null
        && (!keys.isEmpty() || nearestMissing.size() < columns.apply(nearest).size() / 2)) {
      throw new UnknownDatasetVintage(
          fileName
              + " looks like the "
              + nearest.name().toLowerCase(Locale.ROOT)
              + " "
              + dataset
              + " layout but lacks "
              + nearestMissing);
    }
    throw new UnknownDatasetVintage(
        "Unknown " + dataset + " layout in " + fileName + ": " + unknownReason);
  }
}
