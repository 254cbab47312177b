// What an integrator writes against the client generated from CoopApi's OpenAPI document
// (generated/schema.ts, made by openapi-typescript). `tsc --noEmit` must accept it: if a schema
// or operation is renamed, loses a field or changes a type, this file stops compiling.
import type { components, operations, paths } from "./generated/schema";

type Schemas = components["schemas"];
type Registration = Schemas["CooperativeRegistration"];
type Cooperative = Schemas["Cooperative"];
type Page = Schemas["CooperativePage"];
type StatusChange = Schemas["StatusChange"];
type StatusChangeRequest = Schemas["StatusChangeRequest"];
type Problem = Schemas["Problem"];
type ValidationProblem = Schemas["ValidationProblem"];

const registration: Registration = {
  registrationCode: "4900123456",
  name: "Hợp tác xã sản xuất, kinh doanh dịch vụ nông lâm nghiệp Cai Kinh",
  kind: "cooperative",
  sector: "agricultureForestryFishery",
  provinceCode: "20",
  communeCode: "06427",
  establishedOn: "2015-03-12",
  charterCapital: 1500000000,
  memberCount: 35,
  mainProducts: ["Na Chi Lăng"],
};

const suspension: StatusChangeRequest = {
  status: "suspended",
  effectiveOn: "2025-06-30",
  reason: "Quyết định số 125/QĐ-UBND về việc tạm ngừng hoạt động 6 tháng",
};

// Every member of a response is present; optional ones may be null.
function describe(cooperative: Cooperative): string {
  const phone: string | null = cooperative.phone;
  const employees: number | null = cooperative.employeeCount;
  const version: number = cooperative.version;
  return `${cooperative.name} (${cooperative.status}) v${version} ${phone ?? "-"} ${employees ?? 0}`;
}

function firstMove(history: StatusChange[]): string {
  const first = history[0];
  // The registration entry has no previous status.
  const from: Schemas["OrganizationStatus"] | null = first ? first.fromStatus : null;
  return from === null ? "registered" : `${from} → ${first?.toStatus}`;
}

function total(page: Page): number {
  return page.items.length === 0 ? page.totalCount : page.items.map(describe).length;
}

function explain(problem: Problem | ValidationProblem): string {
  const fields = "errors" in problem && problem.errors ? Object.keys(problem.errors).join(", ") : "";
  return `${problem.status} ${problem.code ?? ""} ${problem.title} ${problem.traceId} ${fields}`;
}

// Filters repeat: status=active&status=suspended.
const query: operations["listCooperatives"]["parameters"]["query"] = {
  status: ["active", "suspended"],
  kind: ["cooperative"],
  provinceCode: "24",
  pageSize: 50,
};

type CreateResponse = paths["/api/v1/cooperatives"]["post"]["responses"][201]["content"]["application/json"];
type CreateHeaders = operations["createCooperative"]["responses"][201]["headers"];
const location: CreateHeaders["Location"] = "/api/v1/cooperatives/019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b";
type ChangeStatusBody = NonNullable<operations["changeCooperativeStatus"]["requestBody"]>["content"]["application/json"];
type Unavailable = operations["getCooperative"]["responses"][503]["content"]["application/problem+json"];

export const used: unknown[] = [
  registration, suspension, describe, firstMove, total, explain, query, location,
  null as unknown as CreateResponse, null as unknown as ChangeStatusBody, null as unknown as Unavailable,
];
