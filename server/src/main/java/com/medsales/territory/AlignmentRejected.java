package com.medsales.territory;

import com.medsales.platform.InvalidFields;
import java.util.List;
import java.util.Map;

/**
 * An alignment file with rejected lines was not applied, not even in part: {@code rejects} name
 * each line and why, beside the rows read and the file's checksum (400).
 */
public class AlignmentRejected extends InvalidFields {

  AlignmentRejected(List<Alignments.Reject> rejects, int rowsRead, String checksum) {
    super(
        "The file has " + rejects.size() + " rejected lines; nothing was applied.",
        Map.of(),
        Map.of("rejects", rejects, "rowsRead", rowsRead, "checksum", checksum));
  }
}
