import { defaultStages, emptySegmentStrategy, emptyWorkshopFields } from "../defaults";
import { CURRENT_SCHEMA_VERSION, ROADMAP_FILE_TYPE, type Roadmap } from "../schema";

/**
 * The smallest roadmap that uses every kind of object once, with fixed ids and
 * dates, so a test can break one field and expect one exact message.
 */
export function sampleRoadmap(): Roadmap {
  return {
    type: ROADMAP_FILE_TYPE,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: "roadmap-sample",
    name: "Sample roadmap",
    client: "Sample client",
    preparedBy: "",
    currency: "EUR",
    startMonth: "2027-01",
    horizonMonths: 12,
    annualDiscountRate: 0.1,
    contactCap: 4,
    notes: "",
    createdAt: "2026-12-01T09:00:00.000Z",
    updatedAt: "2026-12-01T09:00:00.000Z",
    stages: defaultStages(),
    phases: [
      {
        id: "phase-new",
        name: "New customer",
        stageId: "onboard",
        description: "",
        objectives: [],
        productsHeld: [],
        customerLifestage: "",
        kpis: [],
        initialCustomers: { smb: 100 },
        arrivalsPerMonth: { smb: 10 },
        churnRate: 0.02,
        relationshipStrength: null,
        position: { x: 0, y: 0 },
      },
      {
        id: "phase-active",
        name: "Active",
        stageId: "retain",
        description: "",
        objectives: [],
        productsHeld: [],
        customerLifestage: "",
        kpis: [],
        initialCustomers: { smb: 400 },
        arrivalsPerMonth: {},
        churnRate: 0.01,
        relationshipStrength: null,
        position: { x: 300, y: 0 },
      },
    ],
    transitions: [
      {
        id: "tr-settles",
        from: "phase-new",
        to: "phase-active",
        rate: 0.3,
        rateBySegment: {},
        trigger: "",
        markedAsLoop: false,
      },
    ],
    segments: [
      {
        id: "smb",
        name: "Small business",
        annualValue: 1200,
        color: "#f18f01",
        strategy: emptySegmentStrategy(),
      },
    ],
    owners: [{ id: "owner-marketing", name: "Marketing", kind: "marketing", partnerType: null }],
    channels: [{ id: "email", name: "Email", kind: "email", fixedCost: 150, costPerContact: 0.02, contactCap: null }],
    roles: [{ id: "role-admin", name: "Admin" }],
    communications: [
      {
        id: "comm-welcome",
        phaseId: "phase-new",
        name: "Welcome email",
        purpose: "welcome",
        channelId: "email",
        ownerId: "owner-marketing",
        audience: { segmentIds: ["smb"], roleIds: ["role-admin"], share: 1 },
        timing: { kind: "onEntry", offsetMonths: 0 },
        personalisation: "mass",
        fixedCost: null,
        costPerContact: null,
        responseRate: 0.1,
        valuePerResponse: 20,
        status: "existing",
        notes: "",
      },
    ],
    ...emptyWorkshopFields(),
  };
}
