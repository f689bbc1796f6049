import { Args, Field, InputType, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { IsString, Length } from 'class-validator';
import { WorkOrderService } from './work-order-12345.service.js';

@InputType({ description: '导入 12345 工单文件（CSV，UTF-8）' })
export class ImportWorkOrdersInput {
  @Field({ description: '文件内容（CSV 文本，表头见 docs/integrations/12345-work-orders.md）' })
  @IsString()
  @Length(1, 2_000_000)
  workOrdersCsv: string;
}

@ObjectType({ description: '已登记的 12345 工单' })
export class WorkOrderTakenRow {
  @Field(() => Int, { description: '文件行号（表头为第 1 行）' }) row: number;
  @Field({ description: '12345 工单编号' }) workOrderNumber: string;
  @Field({ description: '信访编号' }) number: string;
}

@ObjectType({ description: '未能登记的行' })
export class WorkOrderRowErrorRow {
  @Field(() => Int, { description: '文件行号（表头为第 1 行；0 为整个文件）' }) row: number;
  @Field({ description: '列名（或“文件”）' }) field: string;
  @Field({ description: '原因' }) reason: string;
  @Field({ nullable: true, description: '12345 工单编号（如有）' }) workOrderNumber?: string;
}

@ObjectType({ description: '12345 工单导入结果：逐行登记，错误行不影响其他行' })
export class WorkOrderImportReportModel {
  @Field(() => [WorkOrderTakenRow], { description: '本次登记的工单' }) taken: WorkOrderTakenRow[];
  @Field(() => [WorkOrderTakenRow], { description: '此前已接收的工单（不重复登记）' }) alreadyReceived: WorkOrderTakenRow[];
  @Field(() => [WorkOrderRowErrorRow], { description: '格式错误或不能登记的行' }) errors: WorkOrderRowErrorRow[];
}

@Resolver()
export class WorkOrderResolver {
  constructor(private readonly service: WorkOrderService) {}

  @Roles(Role.OFFICER)
  @Mutation(() => WorkOrderImportReportModel, { description: '导入 12345 工单文件：信访民警，本辖区工单；同一工单编号不重复登记' })
  async importComplaintWorkOrders(@Args('input') input: ImportWorkOrdersInput, @CurrentIdentity() actor: Identity): Promise<WorkOrderImportReportModel> {
    return this.service.upload(actor, input.workOrdersCsv);
  }
}
