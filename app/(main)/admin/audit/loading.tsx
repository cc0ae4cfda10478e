import { Bone, HeadingBones, LoadingSkeleton, RowBones } from "@/components/ui/skeleton";

/** The audit trail: its filters, then the entries. */
export default function AuditLoading() {
  return (
    <LoadingSkeleton className="gap-6">
      <HeadingBones />
      <Bone className="h-36 rounded-xl" />
      <RowBones rows={6} className="h-12" />
    </LoadingSkeleton>
  );
}
