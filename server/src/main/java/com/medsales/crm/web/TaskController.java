package com.medsales.crm.web;

import com.medsales.crm.internal.Tasks;
import com.medsales.identity.MedsalesUser;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tasks, and "my tasks" with overdue ones first. */
@RestController
@Validated
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/tasks")
@Tag(name = "CRM: tasks")
class TaskController {

  private final Tasks tasks;

  private final Validator validator;

  TaskController(Tasks tasks, Validator validator) {
    this.tasks = tasks;
    this.validator = validator;
  }

  record NewTask(
      @NotBlank @Size(max = 300) String title,
      @Nullable @Size(max = 10000) String notes,
      @Nullable UUID assigneeId,
      @Nullable LocalDate dueDate,
      @Nullable OffsetDateTime remindAt,
      @Nullable @Pattern(regexp = "LOW|NORMAL|HIGH", message = "must be LOW, NORMAL or HIGH")
          String priority,
      @Nullable UUID contactId,
      @Nullable UUID accountId,
      @Nullable UUID opportunityId) {}

  /**
   * The fields a PATCH may change, each optional (null clears it), and the version the client last
   * read.
   */
  record TaskChange(
      @Nullable @Size(max = 300) String title,
      @Nullable @Size(max = 10000) String notes,
      @Nullable UUID assigneeId,
      @Nullable LocalDate dueDate,
      @Nullable OffsetDateTime remindAt,
      @Nullable @Pattern(regexp = "LOW|NORMAL|HIGH", message = "must be LOW, NORMAL or HIGH")
          String priority,
      @Nullable
          @Pattern(regexp = "OPEN|DONE|CANCELLED", message = "must be OPEN, DONE or CANCELLED")
          String status,
      @Nullable UUID contactId,
      @Nullable UUID accountId,
      @Nullable UUID opportunityId,
      @NotNull Long version) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a task (assigned to me unless another assignee is given)")
  Tasks.TaskView create(@AuthenticationPrincipal MedsalesUser user, @Valid @RequestBody NewTask t) {
    return tasks.create(
        user,
        new Tasks.NewTask(
            t.title(),
            t.notes(),
            t.assigneeId(),
            t.dueDate(),
            t.remindAt(),
            t.priority(),
            t.contactId(),
            t.accountId(),
            t.opportunityId(),
            null));
  }

  @GetMapping
  @Operation(
      summary =
          "Tasks, overdue first; mine=true for my own; deleted=true for those deleted in the last 30 days, latest first")
  List<Tasks.TaskView> list(
      @AuthenticationPrincipal MedsalesUser user,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(required = false) @Nullable UUID assigneeId,
      @RequestParam(required = false)
          @Nullable
          @Pattern(regexp = "OPEN|DONE|CANCELLED", message = "must be OPEN, DONE or CANCELLED")
          String status,
      @RequestParam(required = false) @Nullable UUID contactId,
      @RequestParam(required = false) @Nullable UUID accountId,
      @RequestParam(required = false) @Nullable UUID opportunityId,
      @RequestParam(defaultValue = "false") boolean deleted,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
    return tasks.list(
        mine ? user.userId() : assigneeId,
        status,
        contactId,
        accountId,
        opportunityId,
        deleted,
        size);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One task")
  Tasks.TaskView find(@PathVariable UUID id) {
    return tasks.find(id);
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Change fields (status DONE completes it); send the version you read")
  Tasks.TaskView update(
      @PathVariable UUID id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = TaskChange.class)))
          @RequestBody
          Map<String, @Nullable Object> body) {
    return tasks.update(
        id, Changes.version(body), Changes.checked(validator, body, TaskChange.class));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete (restorable for 30 days)")
  void delete(@PathVariable UUID id) {
    tasks.delete(id);
  }

  @PostMapping("/{id}/restore")
  @Operation(summary = "Restore a task deleted in the last 30 days")
  Tasks.TaskView restore(@PathVariable UUID id) {
    return tasks.restore(id);
  }
}
