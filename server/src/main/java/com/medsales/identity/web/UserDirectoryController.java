package com.medsales.identity.web;

import com.medsales.identity.internal.TenantAdministration;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The people of my tenant, for the pickers that give a record an owner or a task an assignee. */
@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserDirectoryController {

  private final TenantAdministration administration;

  UserDirectoryController(TenantAdministration administration) {
    this.administration = administration;
  }

  @GetMapping
  @Operation(
      summary =
          "Active users of my tenant (id, display name, roles, teams), for owner and assignee pickers")
  List<TenantAdministration.DirectoryEntry> directory() {
    return administration.directory();
  }
}
