import { Bone, HeadingBones, LoadingSkeleton, RowBones } from "@/components/ui/skeleton";

/** Today: three counters, then the day's parcels. */
export default function TodayLoading() {
  return (
    <LoadingSkeleton className="mx-auto max-w-2xl">
      <HeadingBones />
      <div className="grid grid-cols-3 gap-2">
        <Bone className="h-20 rounded-xl" />
        <Bone className="h-20 rounded-xl" />
        <Bone className="h-20 rounded-xl" />
      </div>
      <RowBones rows={4} className="h-20" />
    </LoadingSkeleton>
  );
}
