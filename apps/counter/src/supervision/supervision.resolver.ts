import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { policeUnitName, Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Public, Roles } from '@onewindow/platform';
import { InspectionService } from './inspection/inspection.service.js';
import { RandomInspectionService } from './random-inspection/random-inspection.service.js';
import { DrawCasePartyArgs, FindingsArgs, IdArgs, InspectionsArgs, InspectionTemplatesArgs, PublishedArgs, SupervisionFindingPage } from './supervision.args.js';
import { toDraw, toFinding, toInspection, toPublished, toTemplate } from './supervision.mapper.js';
import {
  DrawCaseResultEnum, DrawRandomInspectionInput, InspectionTemplate, PublishedRandomInspection, PublishInspectionTemplateInput, RandomInspectionCase, RandomInspectionCaseParty,
  RandomInspectionDraw, RandomInspector, RecordInspectionInput, RecordRandomInspectionResultInput, ReportRectificationInput, SaveInspectorInput,
  SupervisionFinding, SupervisionInspection, VerifyRectificationInput,
} from './supervision.model.js';

/** 督察: checklists, inspections, findings and their rectification, the inspector roster, 双随机 draws and their public summaries. */
@Resolver()
export class SupervisionResolver {
  constructor(private readonly inspections: InspectionService, private readonly random: RandomInspectionService) {}

  @Roles(Role.SUPERVISOR)
  @Query(() => [InspectionTemplate], { description: '督察检查模板（默认每个模板的最新版本）' })
  async inspectionTemplates(@Args() args: InspectionTemplatesArgs): Promise<InspectionTemplate[]> {
    return (await this.inspections.templates(args.allVersions)).map(toTemplate);
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => InspectionTemplate, { description: '发布检查模板新版本（市局督察；旧版本保留）' })
  async publishInspectionTemplate(@Args('input') input: PublishInspectionTemplateInput, @CurrentIdentity() actor: Identity): Promise<InspectionTemplate> {
    return toTemplate(await this.inspections.publishTemplate(actor, input));
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => SupervisionInspection, { description: '记录一次督察检查（逐项结果；发现问题的项生成整改问题）' })
  async recordInspection(@Args('input') input: RecordInspectionInput, @CurrentIdentity() actor: Identity): Promise<SupervisionInspection> {
    const { inspection, findings } = await this.inspections.record(actor, input);
    return toInspection(inspection, findings);
  }

  @Roles(Role.SUPERVISOR)
  @Query(() => [SupervisionInspection], { description: '辖区内的督察检查记录' })
  async supervisionInspections(@Args() args: InspectionsArgs, @CurrentIdentity() actor: Identity): Promise<SupervisionInspection[]> {
    const [rows] = await this.inspections.inspections(actor, args);
    const findings = await this.inspections.findingsOf(rows.map((r) => r.id));
    return rows.map((r) => toInspection(r, findings));
  }

  @Roles(Role.SUPERVISOR)
  @Query(() => SupervisionInspection, { description: '一次督察检查' })
  async supervisionInspection(@Args() args: IdArgs, @CurrentIdentity() actor: Identity): Promise<SupervisionInspection> {
    const row = await this.inspections.inspection(actor, args.id);
    return toInspection(row, await this.inspections.findingsOf([row.id]));
  }

  @Roles(Role.SUPERVISOR, Role.CLERK, Role.OFFICER)
  @Query(() => SupervisionFindingPage, { description: '整改跟踪：辖区内（窗口和民警：本单位）督察发现的问题，超期在前' })
  async supervisionFindings(@Args() args: FindingsArgs, @CurrentIdentity() actor: Identity): Promise<SupervisionFindingPage> {
    const [rows, total] = await this.inspections.findings(actor, args);
    return { total, items: rows.map(toFinding) };
  }

  @Roles(Role.CLERK, Role.OFFICER)
  @Mutation(() => SupervisionFinding, { description: '报告整改情况（被检查单位）' })
  async reportRectification(@Args('input') input: ReportRectificationInput, @CurrentIdentity() actor: Identity): Promise<SupervisionFinding> {
    return toFinding(await this.inspections.reportRectification(actor, input));
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => SupervisionFinding, { description: '核验整改：销号或退回（督察）' })
  async verifyRectification(@Args('input') input: VerifyRectificationInput, @CurrentIdentity() actor: Identity): Promise<SupervisionFinding> {
    return toFinding(await this.inspections.verifyRectification(actor, input));
  }

  // ---- 双随机一公开 ----

  @Roles(Role.SUPERVISOR)
  @Query(() => [RandomInspector], { description: '双随机检查人员名录' })
  async randomInspectors(): Promise<RandomInspector[]> {
    return (await this.random.inspectors()).map((i) => ({ account: i.account, name: i.name, unitCode: i.unitCode, unitName: policeUnitName(i.unitCode), active: i.active }));
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => RandomInspector, { description: '登记或修改检查人员（市局督察）' })
  async saveRandomInspector(@Args('input') input: SaveInspectorInput, @CurrentIdentity() actor: Identity): Promise<RandomInspector> {
    const i = await this.random.saveInspector(actor, input);
    return { account: i.account, name: i.name, unitCode: i.unitCode, unitName: policeUnitName(i.unitCode), active: i.active };
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => RandomInspectionDraw, { description: '双随机抽取（记录随机种子，可复现）' })
  async drawRandomInspection(@Args('input') input: DrawRandomInspectionInput, @CurrentIdentity() actor: Identity): Promise<RandomInspectionDraw> {
    const draw = await this.random.draw(actor, input);
    return toDraw(draw, await this.random.casesOf([draw.id]));
  }

  @Roles(Role.SUPERVISOR)
  @Query(() => [RandomInspectionDraw], { description: '辖区内的双随机抽查' })
  async randomInspectionDraws(@Args() args: InspectionsArgs, @CurrentIdentity() actor: Identity): Promise<RandomInspectionDraw[]> {
    const [rows] = await this.random.draws(actor, args.limit, args.offset, args.unitCode);
    const cases = await this.random.casesOf(rows.map((r) => r.id));
    return rows.map((r) => toDraw(r, cases));
  }

  @Roles(Role.SUPERVISOR)
  @Query(() => RandomInspectionDraw, { description: '一次双随机抽查' })
  async randomInspectionDraw(@Args() args: IdArgs, @CurrentIdentity() actor: Identity): Promise<RandomInspectionDraw> {
    const draw = await this.random.findDraw(actor, args.id);
    return toDraw(draw, await this.random.casesOf([draw.id]));
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => RandomInspectionCase, { description: '录入抽查办件的检查结果' })
  async recordRandomInspectionResult(@Args('input') input: RecordRandomInspectionResultInput, @CurrentIdentity() actor: Identity): Promise<RandomInspectionCase> {
    const c = await this.random.recordResult(actor, input);
    return {
      position: c.position, caseNumber: c.caseNumber, unitCode: c.unitCode, unitName: policeUnitName(c.unitCode), policeType: c.policeType, itemCode: c.itemCode,
      itemName: c.itemName, inspectorAccount: c.inspectorAccount, inspectorName: c.inspectorName, result: c.result as DrawCaseResultEnum, note: c.note ?? undefined,
    };
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => RandomInspectionDraw, { description: '公开抽查结果（全部录入后）' })
  async publishRandomInspection(@Args() args: IdArgs, @CurrentIdentity() actor: Identity): Promise<RandomInspectionDraw> {
    const draw = await this.random.publish(actor, args.id);
    return toDraw(draw, await this.random.casesOf([draw.id]));
  }

  @Roles(Role.SUPERVISOR)
  @Query(() => RandomInspectionCaseParty, { description: '抽查办件的当事人信息（默认脱敏，每次查看留痕审计）' })
  async randomInspectionCaseParty(@Args() args: DrawCasePartyArgs, @CurrentIdentity() actor: Identity): Promise<RandomInspectionCaseParty> {
    return this.random.caseParty(actor, args.drawId, args.caseNumber, args.purpose, args.full);
  }

  @Public()
  @Query(() => [PublishedRandomInspection], { description: '双随机抽查公开结果（不含个人信息）' })
  async publishedRandomInspections(@Args() args: PublishedArgs): Promise<PublishedRandomInspection[]> {
    return (await this.random.published(args.limit)).map((p) => toPublished(p.draw, p.cases));
  }
}
