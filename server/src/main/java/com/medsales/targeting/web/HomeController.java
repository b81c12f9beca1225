package com.medsales.targeting.web;

import com.medsales.identity.MedsalesUser;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import com.medsales.targeting.Home;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Each role's first page: the rep's and the manager's. */
@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/home")
@Tag(name = "Home")
class HomeController {

  private final Home home;

  HomeController(Home home) {
    this.home = home;
  }

  @GetMapping("/rep")
  @Operation(
      summary =
          "My home: today's and overdue tasks, my targets not reached this period, what changed since my last visit,"
              + " my calls this week")
  Home.RepHome rep(@AuthenticationPrincipal MedsalesUser user) {
    return home.rep(user);
  }

  @GetMapping("/manager")
  @Operation(
      summary =
          "My team's home: reach and frequency of the team's current lists, overdue tasks per rep, decile coverage"
              + " (when segments exist)")
  Home.ManagerHome manager(@AuthenticationPrincipal MedsalesUser user) {
    return home.manager(user);
  }

  record Visit(OffsetDateTime at) {}

  @PostMapping("/visit")
  @Operation(summary = "Mark now as my last visit: the next home page shows what changed after it")
  Visit visited(@AuthenticationPrincipal MedsalesUser user) {
    return new Visit(home.visited(user));
  }
}
