package com.medsales.provider.web;

import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import com.medsales.provider.Taxonomies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnRole(Role.API)
@Tag(name = "Providers")
class TaxonomyController {

  private final Taxonomies taxonomies;

  TaxonomyController(Taxonomies taxonomies) {
    this.taxonomies = taxonomies;
  }

  @GetMapping("/api/v1/taxonomies")
  @Operation(
      summary = "The NUCC taxonomy code set",
      description =
          "Every code with its grouping, classification, specialization and display name.")
  List<Taxonomies.Taxonomy> taxonomies() {
    return taxonomies.all();
  }
}
